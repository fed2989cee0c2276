import { describe, expect, it } from 'vitest';
import { defineEntity, fillTemplate, templatePrefix, withoutKeys } from '../../shared/db/entity';

interface Sample {
  readonly id: string;
  readonly storeId: string;
  readonly status: 'new' | 'closed';
  readonly assigneeId?: string;
}

const sample = defineEntity<Sample>({
  tag: 'sample',
  about: 'A test entity.',
  key: { pk: 'T#{tenantId}#SAMPLE#{id}', sk: 'SAMPLE' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#STATUS#{status}', sk: '{id}' },
    byAssignee: { pk: 'T#{tenantId}#ASSIGNEE#{assigneeId}', sk: '{openness}#{id}' },
  },
  derive: (item) => ({ openness: item.status === 'closed' ? 'DONE' : 'OPEN' }),
});

describe('entity declarations', () => {
  it('fill templates, and leave a key out when a field is missing', () => {
    expect(fillTemplate('T#{tenantId}#X#{id}', { tenantId: 'acme', id: '1' })).toBe('T#acme#X#1');
    expect(fillTemplate('T#{tenantId}#X#{id}', { tenantId: 'acme' })).toBeUndefined();
    expect(fillTemplate('T#{tenantId}#X#{id}', { tenantId: 'acme', id: '' })).toBeUndefined();
    expect(templatePrefix('{openness}#{id}', { openness: 'OPEN' })).toBe('OPEN#');
    expect(templatePrefix('EVENT#{id}', {})).toBe('EVENT#');
    expect(templatePrefix('{id}', {})).toBe('');
  });

  it('build the stored item with its sparse index keys and tag, and strip them again', () => {
    const fields: Sample = { id: '01A', storeId: 'S1', status: 'new' };
    const item = sample.item('acme', fields);
    expect(item).toEqual({
      pk: 'T#acme#SAMPLE#01A',
      sk: 'SAMPLE',
      sspk: 'T#acme#STORE#S1#STATUS#new',
      sssk: '01A',
      entity: 'sample',
      ...fields,
    });
    const assigned = sample.item('acme', { ...fields, status: 'closed', assigneeId: 'P9' });
    expect(assigned).toMatchObject({ aspk: 'T#acme#ASSIGNEE#P9', assk: 'DONE#01A' });
    expect(assigned).not.toHaveProperty('openness');
    expect(withoutKeys({ ...assigned, expiresAt: 1 })).toEqual({
      ...fields,
      status: 'closed',
      assigneeId: 'P9',
    });
  });

  it('give the key and the query of a view, refusing a key with a field missing', () => {
    expect(sample.key({ tenantId: 'acme', id: '01A' })).toEqual({ pk: 'T#acme#SAMPLE#01A', sk: 'SAMPLE' });
    expect(() => sample.key({ tenantId: 'acme' })).toThrow(/needs every field/);
    expect(sample.view('byAssignee', { tenantId: 'acme', assigneeId: 'P9', openness: 'OPEN' })).toEqual({
      indexName: 'byAssignee',
      partitionValue: 'T#acme#ASSIGNEE#P9',
      sortKeyPrefix: 'OPEN#',
    });
    expect(sample.view('byStoreStatus', { tenantId: 'acme', storeId: 'S1', status: 'new' })).toEqual({
      indexName: 'byStoreStatus',
      partitionValue: 'T#acme#STORE#S1#STATUS#new',
    });
    expect(() => sample.view('byStore', { tenantId: 'acme' })).toThrow(/no view/);
  });
});
