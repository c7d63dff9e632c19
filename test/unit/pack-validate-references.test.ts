import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../shared/pack/problems.ts';
import { expectSingleProblem } from '../support/pack-problems.ts';
import { edit, readMiniPack } from '../support/packs.ts';

// validatePack on the mini fixture: ids one file uses that another must define (entities, topics,
// references, contested facts, teaching points) and the nodes, edges and contexts of pathways.

const mini = readMiniPack();
describe('validatePack: references between files', () => {
  it('reports an unknown subject as in the issue, with the closest id', () => {
    const files = edit(mini, 'facts.json', '"subject": "il-32-gamma"', '"subject": "il-32-gama"');
    const problem = expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[0].subject',
      at: '"il-32-gama"',
    });
    const { line, column } = problem;
    expect(formatProblem(problem)).toBe(
      `facts.json:${line}:${column} $[0].subject: unknown entity "il-32-gama" (did you mean "il-32-gamma"?)`,
    );
  });

  it('checks co-subjects and suggests an id for an entity name', () => {
    const files = edit(mini, 'facts.json', '"coSubjects": ["rankl"]', '"coSubjects": ["nk4"]');
    expectSingleProblem(files, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[8].coSubjects[0]',
      at: '"nk4"',
      message: /unknown entity "nk4" \(did you mean "il-32"\?\)/,
    });
  });

  it('needs an entity object for an entity relation and a literal for a literal one', () => {
    const entity = edit(mini, 'facts.json', '"object": "rankl"', '"object": "RANKL production"');
    expectSingleProblem(entity, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[2].object',
      at: '"RANKL production"',
    });
    const literal = edit(mini, 'facts.json', '"object": "9"', '"object": "il-32"');
    expectSingleProblem(literal, {
      file: 'facts.json',
      rule: 'object-kind',
      path: '$[1].object',
      at: '"il-32"',
      occurrence: 3,
      message: /takes a literal value/,
    });
  });

  it('checks the entity type of every context array', () => {
    const compartment = edit(
      mini,
      'facts.json',
      '"compartments": ["synovium"]',
      '"compartments": ["as"]',
    );
    expectSingleProblem(compartment, {
      file: 'facts.json',
      rule: 'wrong-entity-type',
      path: '$[4].context.compartments[0]',
      at: '"as"]',
      occurrence: 2,
      message: /type "disease"; this place needs "compartment"/,
    });
    const cell = edit(
      mini,
      'facts.json',
      '"species": ["Homo sapiens"], "setting": "in-vitro"',
      '"cells": ["rankl"], "species": ["Homo sapiens"], "setting": "in-vitro"',
    );
    expectSingleProblem(cell, {
      file: 'facts.json',
      rule: 'wrong-entity-type',
      path: '$[8].context.cells[0]',
      at: '"rankl"], "species"',
    });
    const disease = edit(mini, 'facts.json', '"diseases": ["as"]', '"diseases": ["ra"]');
    expectSingleProblem(disease, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[4].context.diseases[0]',
      at: '"ra"',
    });
  });

  it('checks topics and references', () => {
    const topic = edit(mini, 'facts.json', '"topic": "bone-formation"', '"topic": "bone-formaton"');
    expectSingleProblem(topic, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[4].topic',
      at: '"bone-formaton"',
      message: /unknown topic "bone-formaton" \(did you mean "bone-formation"\?\)/,
    });
    const reference = edit(
      mini,
      'facts.json',
      '"references": ["P:LeeEJ2015"]',
      '"references": ["P:Lee2015"]',
    );
    expectSingleProblem(reference, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[7].references[0]',
      at: '"P:Lee2015"',
    });
    const pathwayReference = edit(
      mini,
      'pathways.json',
      '"references": ["R17"]',
      '"references": ["R71"]',
    );
    expectSingleProblem(pathwayReference, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].references[0]',
      at: '"R71"',
    });
  });

  it('checks contested links, including a link to itself', () => {
    const unknown = edit(mini, 'facts.json', '"with": ["F010"]', '"with": ["F011"]');
    expectSingleProblem(unknown, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[8].contested.with[0]',
      at: '"F011"',
    });
    const self = edit(mini, 'facts.json', '"with": ["F010"]', '"with": ["F009"]');
    expectSingleProblem(self, {
      file: 'facts.json',
      rule: 'self-contest',
      path: '$[8].contested.with[0]',
      at: '"F009"]',
      occurrence: 1,
    });
    const point = edit(mini, 'facts.json', '"teachingPoint": "E2"', '"teachingPoint": "E3"');
    expectSingleProblem(point, {
      file: 'facts.json',
      rule: 'unknown-id',
      path: '$[8].contested.teachingPoint',
      at: '"E3"',
    });
  });

  it('checks teaching points', () => {
    const fact = edit(
      mini,
      'teaching-points.json',
      '"factIds": ["F009", "F010"]',
      '"factIds": ["F009", "F100"]',
    );
    expectSingleProblem(fact, {
      file: 'teaching-points.json',
      rule: 'unknown-id',
      path: '$[1].factIds[1]',
      at: '"F100"',
    });
    const pathway = edit(
      mini,
      'teaching-points.json',
      '"pathwayIds": ["D1"]',
      '"pathwayIds": ["D2"]',
    );
    expectSingleProblem(pathway, {
      file: 'teaching-points.json',
      rule: 'unknown-id',
      path: '$[0].pathwayIds[0]',
      at: '"D2"',
    });
  });
});

describe('validatePack: pathways', () => {
  it('checks node entities and that a compartment is a compartment', () => {
    const entity = edit(mini, 'pathways.json', '"entity": "dkk-1"', '"entity": "dkk1"');
    expectSingleProblem(entity, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].nodes[1].entity',
      at: '"dkk1", "compartment"',
      message: /did you mean "dkk-1"/,
    });
    const compartment = edit(
      mini,
      'pathways.json',
      '"compartment": "synovium"',
      '"compartment": "osteogenesis"',
    );
    expectSingleProblem(compartment, {
      file: 'pathways.json',
      rule: 'wrong-entity-type',
      path: '$[0].nodes[1].compartment',
      at: '"osteogenesis", "contexts"',
    });
  });

  it('needs edge ends to be nodes of the same pathway, not entity ids', () => {
    const files = edit(mini, 'pathways.json', '"to": "new-bone"', '"to": "osteogenesis"');
    expectSingleProblem(files, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].edges[2].to',
      at: '"osteogenesis",\n        "sign"',
      message: /unknown node "osteogenesis" in pathway D1/,
    });
  });

  it('needs every edge supported by a fact, or inferred with a declared inference', () => {
    const unsupported = edit(mini, 'pathways.json', '"factIds": ["F004"]', '"factIds": []');
    expectSingleProblem(unsupported, {
      file: 'pathways.json',
      rule: 'unsupported-edge',
      path: '$[0].edges[4].factIds',
      at: '[]\n',
    });
    const noInference = edit(mini, 'pathways.json', ',\n        "inference": "I1"', '');
    expectSingleProblem(noInference, {
      file: 'pathways.json',
      rule: 'missing-inference',
      path: '$[0].edges[2].inferred',
      at: 'true',
    });
    const unknownInference = edit(mini, 'pathways.json', '"inference": "I1"', '"inference": "I2"');
    expectSingleProblem(unknownInference, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].edges[2].inference',
      at: '"I2"',
    });
    const unknownFact = edit(mini, 'pathways.json', '"factIds": ["F004"]', '"factIds": ["F040"]');
    expectSingleProblem(unknownFact, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].edges[4].factIds[0]',
      at: '"F040"',
    });
  });

  it('checks node and edge contexts against the pathway', () => {
    const unknown = edit(mini, 'pathways.json', '"contexts": ["as"] }', '"contexts": ["ax"] }');
    expectSingleProblem(unknown, {
      file: 'pathways.json',
      rule: 'unknown-id',
      path: '$[0].nodes[1].contexts[0]',
      at: '"ax"',
      message: /unknown context "ax" in pathway D1 \(did you mean "as"\?\)/,
    });
    const hidden = edit(
      mini,
      'pathways.json',
      '"factIds": ["F005"]',
      '"factIds": ["F005"],\n        "contexts": ["normal"]',
    );
    expectSingleProblem(hidden, {
      file: 'pathways.json',
      rule: 'edge-context',
      path: '$[0].edges[0].contexts[0]',
      at: '"normal"]',
    });
  });
});
