package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.runtime.internal.iam.PolicyEvaluation.Decision;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {
  private static final String API = "arn:aws:execute-api:eu-west-1:123456789012:petstore";
  private static final String GET_PET = API + "/prod/GET/pets/7";
  private static final IamPrincipal ALICE = IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAALICE");
  private static final IamPrincipal OUTSIDER = IamPrincipal.of("arn:aws:iam::999999999999:user/eve", "AIDAEVE");
  private static final IamPrincipal SESSION =
      IamPrincipal.of("arn:aws:sts::123456789012:assumed-role/reader/session-1", "AROAREADER:session-1");
  private static final byte[] OFFICE_IP = Cidr.address("192.0.2.10");
  private static final byte[] HOME_IP = Cidr.address("198.51.100.7");

  private static Decision identity(IamPolicy policy, String arn) {
    return PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, arn, ALICE, OFFICE_IP, API);
  }

  @Test
  void wildcardsMatchAcrossRegionAccountAndPath() {
    IamPolicy policy = IamPolicy.allowInvoke("arn:aws:execute-api:*:*:petstore/*/GET/pets/*");
    assertThat(identity(policy, GET_PET)).isEqualTo(Decision.ALLOW);
    assertThat(identity(policy, API + "/prod/POST/pets/7")).isEqualTo(Decision.SILENT);
    assertThat(identity(policy, API + "/prod/GET/pets")).isEqualTo(Decision.SILENT);
    assertThat(identity(IamPolicy.allowInvoke(API + "/prod/GET/pets/?"), GET_PET)).isEqualTo(Decision.ALLOW);
    assertThat(identity(IamPolicy.allowInvoke(API + "/prod/GET/pets/?"), API + "/prod/GET/pets/77"))
        .isEqualTo(Decision.SILENT);
  }

  @Test
  void explicitDenyWinsOverAnyAllowInEitherOrder() {
    IamPolicy denyFirst = IamPolicy.builder()
        .statement(PolicyStatement.deny().resource(API + "/prod/GET/pets/7"))
        .statement(PolicyStatement.allow().resource("*"))
        .build();
    IamPolicy denyLast = IamPolicy.builder()
        .statement(PolicyStatement.allow().resource("*"))
        .statement(PolicyStatement.deny().resource(API + "/*/GET/*"))
        .build();
    assertThat(identity(denyFirst, GET_PET)).isEqualTo(Decision.DENY);
    assertThat(identity(denyLast, GET_PET)).isEqualTo(Decision.DENY);
    assertThat(identity(denyFirst, API + "/prod/GET/pets/8")).isEqualTo(Decision.ALLOW);
  }

  @Test
  void otherActionsDoNotAllowInvokingAndActionsIgnoreCase() {
    IamPolicy invalidateOnly = IamPolicy.builder()
        .statement(PolicyStatement.allow().action("execute-api:InvalidateCache").resource("*"))
        .build();
    assertThat(identity(invalidateOnly, GET_PET)).isEqualTo(Decision.SILENT);
    IamPolicy anyExecuteApi = IamPolicy.builder()
        .statement(PolicyStatement.allow().action("EXECUTE-API:*").resource("*"))
        .build();
    assertThat(identity(anyExecuteApi, GET_PET)).isEqualTo(Decision.ALLOW);
    assertThat(identity(IamPolicy.allowInvoke(GET_PET.toUpperCase(java.util.Locale.ROOT)), GET_PET))
        .as("resources, unlike actions, keep their case").isEqualTo(Decision.SILENT);
  }

  @Test
  void resourcePolicyPrincipalsByArnAccountRootAndRole() {
    IamPolicy policy = IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("arn:aws:iam::123456789012:root").resource("execute-api:/prod/*"))
        .build();
    assertThat(PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, GET_PET, ALICE, OFFICE_IP, API))
        .isEqualTo(Decision.ALLOW);
    assertThat(PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, GET_PET, OUTSIDER, OFFICE_IP, API))
        .isEqualTo(Decision.SILENT);
    assertThat(PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, GET_PET, null, OFFICE_IP, API))
        .as("a caller without credentials is no account's principal").isEqualTo(Decision.SILENT);
    IamPolicy role = IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("arn:aws:iam::123456789012:role/reader").resource("*"))
        .build();
    assertThat(PolicyEvaluation.evaluate(role, PolicyStatement.INVOKE, GET_PET, SESSION, OFFICE_IP, API))
        .isEqualTo(Decision.ALLOW);
    assertThat(PolicyEvaluation.evaluate(role, PolicyStatement.INVOKE, GET_PET, ALICE, OFFICE_IP, API))
        .isEqualTo(Decision.SILENT);
    IamPolicy byAccountId = IamPolicy.builder()
        .statement(PolicyStatement.deny().principal("999999999999").resource("*"))
        .build();
    assertThat(PolicyEvaluation.evaluate(byAccountId, PolicyStatement.INVOKE, GET_PET, OUTSIDER, OFFICE_IP, API))
        .isEqualTo(Decision.DENY);
  }

  @Test
  void shortResourcesStandForTheApisOwnArnOnly() {
    IamPolicy policy = IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("*").resource("execute-api:/prod/GET/*"))
        .build();
    assertThat(PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, GET_PET, null, OFFICE_IP, API))
        .isEqualTo(Decision.ALLOW);
    String otherApi = "arn:aws:execute-api:eu-west-1:123456789012:orders/prod/GET/orders";
    assertThat(PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, otherApi, null, OFFICE_IP, API))
        .isEqualTo(Decision.SILENT);
  }

  @Test
  void sourceIpConditionsInIpv4AndIpv6() {
    IamPolicy policy = IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("*").resource("*").sourceIp("192.0.2.0/24", "2001:db8::/32"))
        .statement(PolicyStatement.deny().principal("*").resource("*").sourceIp("192.0.2.66"))
        .build();
    assertThat(evaluateFrom(policy, "192.0.2.10")).isEqualTo(Decision.ALLOW);
    assertThat(evaluateFrom(policy, "2001:db8:1::5")).isEqualTo(Decision.ALLOW);
    assertThat(evaluateFrom(policy, "192.0.2.66")).isEqualTo(Decision.DENY);
    assertThat(evaluateFrom(policy, "198.51.100.7")).isEqualTo(Decision.SILENT);
    assertThat(evaluateFrom(policy, "2001:db9::1")).isEqualTo(Decision.SILENT);
  }

  @Test
  void notSourceIpDeniesEveryoneOutsideTheBlocksEvenWithAnUnreadableAddress() {
    IamPolicy officeOnly = IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("*").resource("*"))
        .statement(PolicyStatement.deny().principal("*").resource("*").notSourceIp("192.0.2.0/24"))
        .build();
    assertThat(PolicyEvaluation.evaluate(officeOnly, PolicyStatement.INVOKE, GET_PET, null, OFFICE_IP, API))
        .isEqualTo(Decision.ALLOW);
    assertThat(PolicyEvaluation.evaluate(officeOnly, PolicyStatement.INVOKE, GET_PET, null, HOME_IP, API))
        .isEqualTo(Decision.DENY);
    assertThat(PolicyEvaluation.evaluate(officeOnly, PolicyStatement.INVOKE, GET_PET, null, null, API))
        .isEqualTo(Decision.DENY);
  }

  private static Decision evaluateFrom(IamPolicy policy, String ip) {
    return PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, GET_PET, null, Cidr.address(ip), API);
  }
}
