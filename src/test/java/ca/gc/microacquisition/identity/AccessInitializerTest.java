package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityDemoTest
class AccessInitializerTest {

    @Autowired
    AccessInitializer initializer;

    @Autowired
    ProcessEngine engine;

    @Test
    void runningAgainChangesNothing() {
        List<String> before = snapshot();

        initializer.initialize(engine);
        initializer.initialize(engine);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void nodesStartingTogetherCreateEachFilterOnce() throws Exception {
        for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
            engine.getFilterService().deleteFilter(filter.getId());
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            nodes.add(CompletableFuture.runAsync(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                initializer.initialize(engine);
            }));
        }
        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<Filter> filters = engine.getFilterService().createFilterQuery().list();
        for (TasklistFilters.GroupFilter groupFilter : TasklistFilters.GROUP_FILTERS) {
            assertThat(filters)
                    .filteredOn(f -> f.getName().equals(groupFilter.name()))
                    .hasSize(1);
        }
        // One "My tasks" per demo staff member: requester, requester2, manager, officer, evaluator, qa, finance.
        assertThat(filters)
                .filteredOn(f -> f.getName().equals(TasklistFilters.MY_TASKS))
                .hasSize(7);
    }

    private List<String> snapshot() {
        List<String> state = new ArrayList<>();
        engine.getAuthorizationService().createAuthorizationQuery().list().forEach(a -> {
            AuthorizationEntity entity = (AuthorizationEntity) a;
            state.add("authorization " + entity.getId() + " rev " + entity.getRevision() + " " + entity.getUserId()
                    + "/" + entity.getGroupId() + " " + entity.getResourceType() + ":" + entity.getResourceId()
                    + " = " + entity.getPermissions());
        });
        engine.getFilterService()
                .createFilterQuery()
                .list()
                .forEach(f -> state.add("filter " + f.getId() + " " + f.getName() + " " + f.getProperties()));
        for (User user : engine.getIdentityService().createUserQuery().list()) {
            state.add("user " + user.getId() + " rev " + ((UserEntity) user).getRevision());
        }
        for (Group group : engine.getIdentityService().createGroupQuery().list()) {
            state.add("group " + group.getId() + " rev " + ((GroupEntity) group).getRevision() + " members "
                    + engine.getIdentityService().createUserQuery().memberOfGroup(group.getId()).list().stream()
                            .map(User::getId)
                            .sorted()
                            .toList());
        }
        state.sort(String::compareTo);
        return state;
    }
}
