import { describe, expect, it } from 'vitest';
import catalogue from '../../processes/catalogue.json';

const LEVELS = ['province', 'district', 'commune'] as const;
const AGENCY_KINDS = ['commune', 'district', 'province_department'] as const;
const UNITS = ['working_days', 'working_hours', 'days', 'same_day'] as const;

interface CatalogueDocument {
  key: string;
  name: string;
  required: boolean;
  note?: string;
}

interface CatalogueSource {
  title: string;
  url: string;
  checked: string;
  what: string;
}

interface CatalogueEntry {
  code: string;
  name: string;
  nameEn: string;
  level: string;
  field: string;
  bpmn: string;
  processId: string;
  competentAgency: string;
  agencyKinds: string[];
  timeLimit: { value: number; unit: string };
  timeLimitNote: string;
  fee: string;
  documents: CatalogueDocument[];
  legalBasis: string[];
  sources: CatalogueSource[];
  verified: boolean;
  unverifiedFields?: string[];
  notes: string;
}

const entries = catalogue as CatalogueEntry[];

const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

describe('processes/catalogue.json', () => {
  it('is a non-empty array', () => {
    expect(Array.isArray(entries)).toBe(true);
    expect(entries.length).toBeGreaterThan(0);
  });

  it('contains the three MVP procedures', () => {
    expect(entries.map((e) => e.processId).sort()).toEqual(
      ['birth_registration', 'first_land_use_certificate', 'household_business_registration'],
    );
  });

  it('has unique codes, processIds and bpmn files', () => {
    for (const prop of ['code', 'processId', 'bpmn'] as const) {
      const values = entries.map((e) => e[prop]);
      expect(new Set(values).size, `duplicate ${prop}`).toBe(values.length);
    }
  });

  describe.each(entries.map((e) => [e.processId, e] as const))('%s', (_id, entry) => {
    it('has well-formed identity fields', () => {
      // National procedure code: "1.001193" style (group digit, dot, six digits).
      expect(entry.code).toMatch(/^\d\.\d{6}$/);
      for (const f of ['name', 'nameEn', 'field', 'competentAgency', 'timeLimitNote', 'fee', 'notes'] as const) {
        expect(nonEmptyString(entry[f]), `${f} must be a non-empty string`).toBe(true);
      }
      expect(entry.processId).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(entry.bpmn).toMatch(/^[a-z0-9-]+\.bpmn$/);
    });

    it('uses a valid level and agency kinds', () => {
      expect(LEVELS).toContain(entry.level);
      expect(Array.isArray(entry.agencyKinds)).toBe(true);
      expect(entry.agencyKinds.length).toBeGreaterThan(0);
      expect(new Set(entry.agencyKinds).size).toBe(entry.agencyKinds.length);
      for (const kind of entry.agencyKinds) expect(AGENCY_KINDS).toContain(kind);
    });

    it('has a valid time limit', () => {
      expect(UNITS).toContain(entry.timeLimit.unit);
      expect(Number.isInteger(entry.timeLimit.value)).toBe(true);
      expect(entry.timeLimit.value).toBeGreaterThanOrEqual(0);
      if (entry.timeLimit.unit === 'same_day') expect(entry.timeLimit.value).toBe(0);
      else expect(entry.timeLimit.value).toBeGreaterThan(0);
    });

    it('has documents with unique ascii snake_case keys and at least one required', () => {
      expect(entry.documents.length).toBeGreaterThan(0);
      const keys = entry.documents.map((d) => d.key);
      expect(new Set(keys).size, 'duplicate document key').toBe(keys.length);
      for (const doc of entry.documents) {
        expect(doc.key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        expect(nonEmptyString(doc.name)).toBe(true);
        expect(typeof doc.required).toBe('boolean');
        if (doc.note !== undefined) expect(nonEmptyString(doc.note)).toBe(true);
      }
      expect(entry.documents.some((d) => d.required)).toBe(true);
    });

    it('cites a legal basis and at least one source', () => {
      expect(entry.legalBasis.length).toBeGreaterThan(0);
      for (const basis of entry.legalBasis) expect(nonEmptyString(basis)).toBe(true);

      expect(entry.sources.length).toBeGreaterThan(0);
      for (const src of entry.sources) {
        expect(nonEmptyString(src.title)).toBe(true);
        expect(src.url).toMatch(/^https:\/\/\S+$/);
        expect(src.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(src.checked))).toBe(false);
        expect(nonEmptyString(src.what)).toBe(true);
      }
    });

    it('explains what is unverified when not verified', () => {
      expect(typeof entry.verified).toBe('boolean');
      if (entry.unverifiedFields !== undefined) {
        expect(Array.isArray(entry.unverifiedFields)).toBe(true);
        for (const f of entry.unverifiedFields) expect(nonEmptyString(f)).toBe(true);
      }
      if (!entry.verified) {
        expect(nonEmptyString(entry.notes)).toBe(true);
        expect(entry.unverifiedFields?.length ?? 0).toBeGreaterThan(0);
      }
    });
  });
});
