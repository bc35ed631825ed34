package ca.gc.microacquisition.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions access at start-up; safe to run any number of times and on several nodes starting together.
 *
 * <ul>
 *   <li>With the {@code demo} profile only: the groups and demo users of {@link DemoIdentities}.</li>
 *   <li>Always: the grants of {@link AccessPolicy}, the group filters of {@link TasklistFilters} and a "My tasks"
 *       filter for every member of a staff group. Grants name group ids, so they are harmless while the groups do
 *       not exist; in production an administrator only creates the groups and users in Camunda Admin.</li>
 * </ul>
 *
 * <p>Nothing is overwritten: an existing user keeps their password, an existing filter its query, an existing grant
 * its extra permissions; only what is missing is added. A second run changes nothing. The work runs in one
 * transaction that first locks the engine's start-up lock row in {@code ACT_GE_PROPERTY}, so a second node
 * waits and then finds everything in place instead of creating duplicate filters.
 */
@Component
public class AccessInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(AccessInitializer.class);
    private static final String TASK_RESOURCE_TYPE = "Task";
    private static final String STARTUP_LOCK = "startup.lock";

    private final boolean demo;

    public AccessInitializer(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    public void initialize(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Counts counts = new Counts();
        inOneTransaction(configuration, () -> {
            lockAgainstOtherNodes(configuration);
            if (demo) {
                ensureDemoIdentities(engine.getIdentityService(), counts);
            }
            AuthorizationService authorizations = engine.getAuthorizationService();
            for (AccessPolicy.Grant grant : AccessPolicy.baseline()) {
                ensureGrant(authorizations, Holder.group(grant.groupId()), grant.resource(), grant.resourceId(),
                        grant.permissions(), counts);
            }
            ensureGroupFilters(engine, counts);
            ensureMyTasksFilters(engine, counts);
        });
        LOG.info("Access provisioning (demo identities: {}): {} groups, {} users, {} memberships, {} grants "
                        + "and {} filters created; {} grants extended",
                demo ? "yes" : "no", counts.groups, counts.users, counts.memberships, counts.grantsCreated,
                counts.filters, counts.grantsExtended);
    }

    private static void inOneTransaction(ProcessEngineConfigurationImpl configuration, Runnable work) {
        PlatformTransactionManager transactionManager = configuration instanceof SpringProcessEngineConfiguration spring
                ? spring.getTransactionManager() : null;
        if (transactionManager == null) {
            throw new IllegalStateException("Access provisioning needs the engine's Spring transaction manager");
        }
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    /**
     * Locks the engine's {@code startup.lock} property row until the transaction ends. Taken directly rather than
     * through the engine's own lock, which the engine skips on H2.
     */
    private static void lockAgainstOtherNodes(ProcessEngineConfigurationImpl configuration) {
        String table = configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY";
        List<String> locked = new JdbcTemplate(configuration.getDataSource()).queryForList(
                "select NAME_ from " + table + " where NAME_ = ? for update", String.class, STARTUP_LOCK);
        if (locked.isEmpty()) {
            LOG.warn("No {} row in {}: nodes starting together may create duplicate filters", STARTUP_LOCK, table);
        }
    }

    private static void ensureDemoIdentities(IdentityService identity, Counts counts) {
        for (DemoIdentities.DemoGroup demoGroup : DemoIdentities.GROUPS) {
            if (identity.createGroupQuery().groupId(demoGroup.id()).count() == 0) {
                Group group = identity.newGroup(demoGroup.id());
                group.setName(demoGroup.name());
                group.setType(demoGroup.type());
                identity.saveGroup(group);
                counts.groups++;
            }
        }
        for (DemoIdentities.DemoUser demoUser : DemoIdentities.USERS) {
            if (identity.createUserQuery().userId(demoUser.id()).count() == 0) {
                User user = identity.newUser(demoUser.id());
                user.setFirstName(demoUser.firstName());
                user.setLastName(demoUser.lastName());
                user.setEmail(demoUser.email());
                user.setPassword(demoUser.password());
                identity.saveUser(user);
                counts.users++;
            }
            if (identity.createUserQuery().userId(demoUser.id()).memberOfGroup(demoUser.groupId()).count() == 0) {
                identity.createMembership(demoUser.id(), demoUser.groupId());
                counts.memberships++;
            }
        }
        for (List<String> membership : DemoIdentities.TEAM_MEMBERSHIPS) {
            if (identity.createUserQuery().userId(membership.get(0)).memberOfGroup(membership.get(1)).count() == 0) {
                identity.createMembership(membership.get(0), membership.get(1));
                counts.memberships++;
            }
        }
    }

    private static void ensureGroupFilters(ProcessEngine engine, Counts counts) {
        FilterService filters = engine.getFilterService();
        for (TasklistFilters.GroupFilter definition : TasklistFilters.GROUP_FILTERS) {
            List<Filter> existing = filters.createFilterQuery().filterName(definition.name())
                    .filterResourceType(TASK_RESOURCE_TYPE).list();
            if (existing.isEmpty()) {
                Filter filter = filters.newTaskFilter(definition.name())
                        .setQuery(definition.query(engine.getTaskService()))
                        .setProperties(definition.properties());
                existing = List.of(filters.saveFilter(filter));
                counts.filters++;
            }
            for (Filter filter : existing) {
                ensureGrant(engine.getAuthorizationService(), Holder.group(definition.groupId()), Resources.FILTER,
                        filter.getId(), Set.of(Permissions.READ), counts);
            }
        }
    }

    private static void ensureMyTasksFilters(ProcessEngine engine, Counts counts) {
        IdentityService identity = engine.getIdentityService();
        FilterService filters = engine.getFilterService();
        Set<String> staff = new LinkedHashSet<>();
        for (String group : AccessGroups.STAFF) {
            identity.createUserQuery().memberOfGroup(group).list().forEach(user -> staff.add(user.getId()));
        }
        Map<String, List<Filter>> byAssignee = filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS)
                .filterResourceType(TASK_RESOURCE_TYPE).list().stream()
                .filter(filter -> filter.getQuery() instanceof TaskQueryImpl query && query.getAssignee() != null)
                .collect(Collectors.groupingBy(filter -> ((TaskQueryImpl) filter.getQuery()).getAssignee()));
        for (String userId : staff) {
            List<Filter> own = byAssignee.get(userId);
            if (own == null) {
                Filter filter = filters.newTaskFilter(TasklistFilters.MY_TASKS)
                        .setQuery(TasklistFilters.myTasksQuery(engine.getTaskService(), userId))
                        .setProperties(TasklistFilters.myTasksProperties());
                own = List.of(filters.saveFilter(filter));
                counts.filters++;
            }
            for (Filter filter : own) {
                ensureGrant(engine.getAuthorizationService(), Holder.user(userId), Resources.FILTER, filter.getId(),
                        Set.of(Permissions.READ), counts);
            }
        }
    }

    /** Creates the grant, or adds the permissions it lacks; never removes a permission. */
    private static void ensureGrant(AuthorizationService authorizations, Holder holder, Resource resource,
                                    String resourceId, Set<Permission> permissions, Counts counts) {
        AuthorizationQuery query = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId);
        holder.restrict(query);
        Authorization authorization = query.singleResult();
        boolean created = authorization == null;
        if (created) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            holder.assign(authorization);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = created;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
            if (created) {
                counts.grantsCreated++;
            } else {
                counts.grantsExtended++;
            }
        }
    }

    /** Who a grant is for: a group or a single user. */
    private record Holder(String groupId, String userId) {

        static Holder group(String groupId) {
            return new Holder(groupId, null);
        }

        static Holder user(String userId) {
            return new Holder(null, userId);
        }

        void restrict(AuthorizationQuery query) {
            if (groupId != null) {
                query.groupIdIn(groupId);
            } else {
                query.userIdIn(userId);
            }
        }

        void assign(Authorization authorization) {
            if (groupId != null) {
                authorization.setGroupId(groupId);
            } else {
                authorization.setUserId(userId);
            }
        }
    }

    private static final class Counts {
        int groups;
        int users;
        int memberships;
        int grantsCreated;
        int grantsExtended;
        int filters;
    }
}
