/**
 * Only one supplement request per dossier (chỉ yêu cầu bổ sung hồ sơ một lần).
 *
 * Rule. Under `nd118_2025` a second `supplement_requested` is refused with a `ClockRuleError`:
 * everything missing must be asked for in the first request.
 *
 * Legal basis. Decree 118/2025/NĐ-CP Art. 11 (as summarised in DESIGN §3: staff may ask for a
 * supplement only once; the exact wording was not re-read for this module).
 *
 * Regimes differ: under `nd61_2018` repeated requests are allowed (each one stops the clock and,
 * by default, restarts the limit when answered), so this rule is not registered there.
 */
import type { ClockRun } from '../run.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'single-supplement-request',
  ruleSets: ['nd118_2025'],
  register(clock) {
    clock.check('supplement_requested', refuseSecondRequest);
  },
});

// helpers //////////

function refuseSecondRequest(run: ClockRun): void {
  if (run.supplementRequests === 0) return;
  run.fail(
    'second_supplement_request',
    'Decree 118/2025 Art. 11 allows only one supplement request per dossier; one was already made',
    'Theo Điều 11 Nghị định 118/2025/NĐ-CP chỉ được yêu cầu bổ sung hồ sơ một lần; hồ sơ này đã có yêu cầu bổ sung',
  );
}
