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
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
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
 *   <li>With the {@code demo} profile only: the groups and demo users of {@link DemoIdentities} (created past
 *       Camunda's password policy, since their password is their user id). On PostgreSQL only with
 *       {@code app.demo.allow-postgresql=true}; otherwise start-up stops.</li>
 *   <li>Without the {@code demo} profile: start-up stops if a demo user still has its demo password (left from a
 *       run with the demo profile on the same database).</li>
 *   <li>When {@code app.bootstrap-admin.user-id} is set and no member of {@code camunda-admin} exists: that user
 *       (password from {@code app.bootstrap-admin.password}, checked against the password policy) in that group.</li>
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

    static final String ALLOW_DEMO_ON_POSTGRESQL = "app.demo.allow-postgresql";
    static final String BOOTSTRAP_ADMIN_USER = "app.bootstrap-admin.user-id";
    static final String BOOTSTRAP_ADMIN_PASSWORD = "app.bootstrap-admin.password";

    private final boolean demo;
    private final boolean demoOnPostgresql;
    private final String bootstrapAdmin;
    private final String bootstrapPassword;

    public AccessInitializer(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.demoOnPostgresql = environment.getProperty(ALLOW_DEMO_ON_POSTGRESQL, Boolean.class, false);
        this.bootstrapAdmin = environment.getProperty(BOOTSTRAP_ADMIN_USER, "").strip();
        this.bootstrapPassword = environment.getProperty(BOOTSTRAP_ADMIN_PASSWORD, "");
    }

    public void initialize(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (demo && "postgres".equals(configuration.getDatabaseType()) && !demoOnPostgresql) {
            throw new IllegalStateException("The demo profile is active on a PostgreSQL database: the demo users "
                    + "(password = user id) would be created there. Remove 'demo' from SPRING_PROFILES_ACTIVE, or set "
                    + ALLOW_DEMO_ON_POSTGRESQL + "=true if this database is a throw-away demonstration.");
        }
        Counts counts = new Counts();
        inOneTransaction(configuration, () -> {
            lockAgainstOtherNodes(configuration);
            if (demo) {
                ensureDemoIdentities(engine.getIdentityService(), counts);
            } else {
                refuseDemoPasswords(configuration);
            }
            ensureBootstrapAdmin(engine.getIdentityService(), counts);
            AuthorizationService authorizations = engine.getAuthorizationService();
            for (AccessPolicy.Grant grant : AccessPolicy.baseline()) {
                ensureGrant(
                        authorizations,
                        Holder.group(grant.groupId()),
                        grant.resource(),
                        grant.resourceId(),
                        grant.permissions(),
                        counts);
            }
            ensureGroupFilters(engine, counts);
            ensureMyTasksFilters(engine, counts);
        });
        LOG.info(
                "Access provisioning (demo identities: {}): {} groups, {} users, {} memberships, {} grants "
                        + "and {} filters created; {} grants extended",
                demo ? "yes" : "no",
                counts.groups,
                counts.users,
                counts.memberships,
                counts.grantsCreated,
                counts.filters,
                counts.grantsExtended);
    }

    private static void inOneTransaction(ProcessEngineConfigurationImpl configuration, Runnable work) {
        PlatformTransactionManager transactionManager = configuration instanceof SpringProcessEngineConfiguration spring
                ? spring.getTransactionManager()
                : null;
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
        List<String> locked = new JdbcTemplate(configuration.getDataSource())
                .queryForList("select NAME_ from " + table + " where NAME_ = ? for update", String.class, STARTUP_LOCK);
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
                // The demo password (= user id) is below Camunda's password policy: demo users only skip it.
                ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
                counts.users++;
            }
            if (identity.createUserQuery()
                            .userId(demoUser.id())
                            .memberOfGroup(demoUser.groupId())
                            .count()
                    == 0) {
                identity.createMembership(demoUser.id(), demoUser.groupId());
                counts.memberships++;
            }
        }
        for (List<String> membership : DemoIdentities.TEAM_MEMBERSHIPS) {
            if (identity.createUserQuery()
                            .userId(membership.get(0))
                            .memberOfGroup(membership.get(1))
                            .count()
                    == 0) {
                identity.createMembership(membership.get(0), membership.get(1));
                counts.memberships++;
            }
        }
    }

    /** A demo user whose password is still their user id is an open door outside the demo profile. */
    private static void refuseDemoPasswords(ProcessEngineConfigurationImpl configuration) {
        List<String> open = configuration.getCommandExecutorTxRequired().execute(context -> {
            if (!(context.getSession(WritableIdentityProvider.class)
                    instanceof UpgradingDbIdentityServiceProvider provider)) {
                return List.<String>of();
            }
            return DemoIdentities.USERS.stream()
                    .map(DemoIdentities.DemoUser::id)
                    .filter(id -> provider.passwordMatchesWithoutCounting(id, id))
                    .toList();
        });
        if (!open.isEmpty()) {
            throw new IllegalStateException("Demo users with their demo password (= user id) exist in this database: "
                    + open + ". Without the demo profile they would let anyone in. Delete them in Camunda Admin "
                    + "(or give them real passwords) with the demo profile on, then start again.");
        }
    }

    /** The first administrator, from configuration, once: only while nobody is in {@code camunda-admin}. */
    private void ensureBootstrapAdmin(IdentityService identity, Counts counts) {
        long admins = identity.createUserQuery()
                .memberOfGroup(AccessGroups.CAMUNDA_ADMIN)
                .count();
        if (admins > 0) {
            return;
        }
        if (bootstrapAdmin.isEmpty()) {
            if (!demo) {
                LOG.warn(
                        "No member of {} exists and {} is not set: nobody can administer users. Set {} and {} "
                                + "(from the environment) and restart; see docs/access.md.",
                        AccessGroups.CAMUNDA_ADMIN,
                        BOOTSTRAP_ADMIN_USER,
                        BOOTSTRAP_ADMIN_USER,
                        BOOTSTRAP_ADMIN_PASSWORD);
            }
            return;
        }
        if (identity.createGroupQuery().groupId(AccessGroups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(AccessGroups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
            counts.groups++;
        }
        if (identity.createUserQuery().userId(bootstrapAdmin).count() == 0) {
            if (bootstrapPassword.isEmpty()) {
                throw new IllegalStateException(BOOTSTRAP_ADMIN_USER + " is set but " + BOOTSTRAP_ADMIN_PASSWORD
                        + " is empty: set APP_BOOTSTRAP_ADMIN_PASSWORD in the environment.");
            }
            User user = identity.newUser(bootstrapAdmin);
            user.setFirstName(bootstrapAdmin);
            user.setLastName("Administrator");
            user.setPassword(bootstrapPassword);
            if (!identity.checkPasswordAgainstPolicy(bootstrapPassword, user).isValid()) {
                throw new IllegalStateException(BOOTSTRAP_ADMIN_PASSWORD + " does not meet the password policy: at "
                        + "least 10 characters with an upper-case letter, a lower-case letter, a digit and a special "
                        + "character, and not containing the user id or names.");
            }
            identity.saveUser(user);
            counts.users++;
        }
        identity.createMembership(bootstrapAdmin, AccessGroups.CAMUNDA_ADMIN);
        counts.memberships++;
        LOG.info(
                "First administrator {} created from {} (nobody else was in {})",
                bootstrapAdmin,
                BOOTSTRAP_ADMIN_USER,
                AccessGroups.CAMUNDA_ADMIN);
    }

    private static void ensureGroupFilters(ProcessEngine engine, Counts counts) {
        FilterService filters = engine.getFilterService();
        for (TasklistFilters.GroupFilter definition : TasklistFilters.GROUP_FILTERS) {
            List<Filter> existing = filters.createFilterQuery()
                    .filterName(definition.name())
                    .filterResourceType(TASK_RESOURCE_TYPE)
                    .list();
            if (existing.isEmpty()) {
                Filter filter = filters.newTaskFilter(definition.name())
                        .setQuery(definition.query(engine.getTaskService()))
                        .setProperties(definition.properties());
                existing = List.of(filters.saveFilter(filter));
                counts.filters++;
            }
            for (Filter filter : existing) {
                ensureGrant(
                        engine.getAuthorizationService(),
                        Holder.group(definition.groupId()),
                        Resources.FILTER,
                        filter.getId(),
                        Set.of(Permissions.READ),
                        counts);
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
        Map<String, List<Filter>> byAssignee = filters
                .createFilterQuery()
                .filterName(TasklistFilters.MY_TASKS)
                .filterResourceType(TASK_RESOURCE_TYPE)
                .list()
                .stream()
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
                ensureGrant(
                        engine.getAuthorizationService(),
                        Holder.user(userId),
                        Resources.FILTER,
                        filter.getId(),
                        Set.of(Permissions.READ),
                        counts);
            }
        }
    }

    /** Creates the grant, or adds the permissions it lacks; never removes a permission. */
    private static void ensureGrant(
            AuthorizationService authorizations,
            Holder holder,
            Resource resource,
            String resourceId,
            Set<Permission> permissions,
            Counts counts) {
        AuthorizationQuery query = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource)
                .resourceId(resourceId);
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
