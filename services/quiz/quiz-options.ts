import { figureLabel } from '../../shared/pack/sections.ts';
import type { QuizOptionsInfo } from '../../shared/contract/quiz.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import { quizKinds, type Bank, type QuizItem } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';

/** What the quiz setup can offer: the bank's items counted by kind, topic, pathway and disease. */
export function quizOptionsOf(bank: Bank, pack: Pack): QuizOptionsInfo {
  const count = (test: (item: QuizItem) => boolean) => bank.quiz.filter(test).length;
  return {
    total: bank.quiz.length,
    highYield: count((item) => item.highYield),
    // A kind switched off after an audit is not offered at all: "none in this pack" would be untrue.
    kinds: quizKinds
      .filter((kind) => kinds[kind].switchedOff === undefined)
      .map((kind) => ({
        id: kind,
        label: kinds[kind].label,
        description: kinds[kind].description,
        count: count((item) => item.kind === kind),
      })),
    topics: pack.manifest.topics.map((topic) => ({
      id: topic.id,
      title: topic.title,
      count: count((item) => item.topic === topic.id),
    })),
    pathways: pack.pathways.map((pathway) => ({
      id: pathway.id,
      title: pathway.title,
      figure: figureLabel(pack.manifest, pathway) ?? null,
      count: count((item) => item.pathwayIds.includes(pathway.id)),
    })),
    diseases: pack.entities
      .filter((entity) => entity.type === 'disease')
      .map((disease) => ({
        id: disease.id,
        name: disease.name,
        count: count((item) => item.diseaseIds.includes(disease.id)),
      }))
      .filter((disease) => disease.count > 0),
  };
}
