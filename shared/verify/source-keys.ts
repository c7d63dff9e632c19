import type { ClozeItem, MatchingItem, WhichStudyItem } from '../engine/types.ts';
import type { Fact } from '../pack/schema.ts';
import { effectiveSign } from './evidence.ts';
import { factClaim, type FactBase } from './facts.ts';
import { polarity } from './polarity.ts';
import type { Finding } from './statement-keys.ts';

/**
 * Kinds whose key is not a claim about two entities. What is checked instead:
 * - which-study: the asked fact cites the keyed reference and no wrong one; each wrong reference
 *   is cited by a fact the pack declares contested with the asked fact.
 * - cloze: a cited fact has the answer as its object or subject (or its literal value), and the
 *   accepted forms include the displayed answer.
 * - matching: each pair's fact is cited and names the left entry in the role the family needs;
 *   for disease levels, the status word on the right has the fact's sign.
 */
export function checkWhichStudy(base: FactBase, item: WhichStudyItem): Finding[] {
  const fact = base.byId.get(item.factId);
  if (fact === undefined) return [{ rule: 'fact-unknown', reason: `asks about ${item.factId}` }];
  const contested = new Set(fact.contested?.with ?? []);
  return item.options.flatMap((option): Finding[] => {
    const cites = fact.references.includes(option.id);
    if (option.correct) {
      return cites
        ? []
        : [{ rule: 'key-unsupported', reason: `${fact.id} does not cite the keyed ${option.id}` }];
    }
    if (cites)
      return [{ rule: 'wrong-is-true', reason: `${fact.id} cites the wrong option ${option.id}` }];
    const rival = base.all.some(
      (f) =>
        f.references.includes(option.id) &&
        (contested.has(f.id) || (f.contested?.with ?? []).includes(fact.id)),
    );
    return rival
      ? []
      : [
          {
            rule: 'wrong-unproven',
            reason: `no fact of ${option.id} is contested with ${fact.id}`,
          },
        ];
  });
}

export function checkCloze(item: ClozeItem, cited: readonly Fact[]): Finding[] {
  const answer = item.answer;
  const found = cited.some((f) =>
    answer.entityId === undefined
      ? f.object.toLowerCase() === answer.text.toLowerCase()
      : f.object === answer.entityId || f.subject === answer.entityId,
  );
  const findings: Finding[] = [];
  if (!found) {
    findings.push({
      rule: 'key-unsupported',
      reason: `no cited fact has “${answer.entityId ?? answer.text}” as its subject or object`,
    });
  }
  if (!answer.accepted.includes(answer.text)) {
    findings.push({ rule: 'item-shape', reason: `the accepted forms leave out “${answer.text}”` });
  }
  return findings;
}

/** "raised …", "reduced …", "no difference …": the sign a disease-status entry states. */
function statusSign(text: string): 1 | -1 | 0 | undefined {
  const lower = text.toLowerCase();
  if (lower.startsWith('no difference')) return 0;
  if (/^(raised|elevated|increased|higher)\b/.test(lower)) return 1;
  if (/^(reduced|lowered|decreased|lower)\b/.test(lower)) return -1;
  return undefined;
}

function pairFinding(
  base: FactBase,
  item: MatchingItem,
  fact: Fact,
  leftEntity: string,
  rightText: string,
): string | undefined {
  const anchor = item.anchorEntityId;
  const isAnchor = (id: string) =>
    id === anchor || (base.genesOf.get(id) ?? []).includes(anchor ?? '');
  switch (item.matchingFamily) {
    case 'disease-status': {
      if (!isAnchor(fact.subject)) return `${fact.id} is not about ${anchor ?? '?'}`;
      const names = fact.object === leftEntity || fact.context.diseases.includes(leftEntity);
      if (!names) return `${fact.id} is not about ${leftEntity}`;
      if (polarity(fact.relation).family !== 'level') return `${fact.id} reports no level`;
      const stated = statusSign(rightText);
      return stated === effectiveSign(factClaim(fact))
        ? undefined
        : `“${rightText}” does not state the level ${fact.id} reports`;
    }
    case 'isoform-property':
      return fact.subject === leftEntity ? undefined : `${fact.id} is not about ${leftEntity}`;
    case 'inducer-setting': {
      const induces = fact.subject === leftEntity && isAnchor(fact.object);
      const sign = effectiveSign(factClaim(fact));
      return induces && sign === 1
        ? undefined
        : `${fact.id} does not say ${leftEntity} induces ${anchor ?? '?'}`;
    }
  }
}

export function checkMatching(base: FactBase, item: MatchingItem): Finding[] {
  return item.answer.flatMap((pair): Finding[] => {
    const fact = base.byId.get(pair.factId);
    const left = item.left.find((l) => l.id === pair.leftId);
    const right = item.right.find((r) => r.id === pair.rightId);
    if (fact === undefined || !item.factIds.includes(pair.factId)) {
      return [
        { rule: 'fact-unknown', reason: `pair ${pair.leftId} rests on uncited ${pair.factId}` },
      ];
    }
    if (left === undefined || right === undefined) {
      return [{ rule: 'item-shape', reason: `pair ${pair.leftId}→${pair.rightId} names no entry` }];
    }
    const problem = pairFinding(base, item, fact, left.entityId, right.text);
    return problem === undefined ? [] : [{ rule: 'key-unsupported', reason: problem }];
  });
}
