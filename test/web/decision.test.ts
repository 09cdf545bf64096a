import { describe, expect, it } from 'vitest';
import { decisionStepIds } from '../../web/src/bpmn/decision';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="Thẩm định" />
    <bpmn:userTask id="approve" name="Phê duyệt" />
    <bpmn:exclusiveGateway id="decided" />
    <bpmn:endEvent id="done" />
    <bpmn:endEvent id="refused" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="approve" />
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="decided" />
    <bpmn:sequenceFlow id="f4" sourceRef="decided" targetRef="refused">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">environment.output.decision === 'reject'</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f5" sourceRef="decided" targetRef="done" />
  </bpmn:process>
</bpmn:definitions>`;

describe('decisionStepIds', () => {
  it('names the steps followed by a gateway that tests the decision', () => {
    expect([...decisionStepIds(xml)]).toEqual(['approve']);
  });
});
