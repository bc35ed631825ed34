package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Production settings: no demo group or user, but the authorizations and group filters are in place. */
// Its own engine name, so that this context never answers HTTP calls meant for another test context's engine.
@SpringBootTest(properties = "camunda.bpm.process-engine-name=withoutdemo")
@ActiveProfiles("test")
@DirtiesContext
class WithoutDemoProfileTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Test
    void noUsersOrGroupsAreCreated() {
        assertThat(identityService.createUserQuery().count()).isZero();
        assertThat(identityService.createGroupQuery().count()).isZero();
    }

    @Test
    void authorizationsAndGroupFiltersAreReadyForTheGroupsAnAdministratorCreates() {
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(AccessGroups.REQUESTERS)
                        .resourceType(Resources.PROCESS_DEFINITION)
                        .resourceId(AccessGroups.PROCESS_KEY)
                        .hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE)
                        .count())
                .isOne();
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(AccessGroups.CAMUNDA_ADMIN)
                        .count())
                .isEqualTo(Resources.values().length);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(TasklistFilters.GROUP_FILTERS.size());
        assertThat(authorizationService.isUserAuthorized(
                        "someone",
                        List.of(AccessGroups.AUDITORS),
                        ProcessDefinitionPermissions.READ_HISTORY,
                        Resources.PROCESS_DEFINITION,
                        AccessGroups.PROCESS_KEY))
                .isTrue();
    }
}
