import type { QuizOptionsInfo } from '../../shared/contract/quiz.ts';
import { quizKinds } from '../../shared/engine/types.ts';

/** What quiz.options might say of a pack: every kind but which-study, two topics, one pathway. */
export const quizOptions: QuizOptionsInfo = {
  total: 100,
  highYield: 40,
  kinds: quizKinds.map((id) => ({
    id,
    label: id,
    description: '',
    count: id === 'which-study' ? 0 : 10,
  })),
  topics: [
    { id: 'basics', title: 'Basics', count: 50 },
    { id: 'bone', title: 'Bone', count: 50 },
  ],
  pathways: [{ id: 'D1', title: 'Figure one', figure: 'Figure 1', count: 30 }],
  diseases: [{ id: 'ra', name: 'Rheumatoid arthritis', count: 20 }],
};
