package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.payment.Payment;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.SelfIdentification;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the pilot metrics' totals current: notes which procurements a transaction changed and, just before it
 * commits, has {@link PilotTotals#refresh} compute their contributions again in that transaction (a rolled-back
 * change leaves the totals alone; a failed refresh rolls the change back). Changes are noted from
 * <ul>
 * <li>Hibernate's post-insert, -update and -delete events of opportunities, proposals, self-identification,
 * contracts and payments (every change the services make goes through JPA; registered with
 * {@link HibernatePropertiesCustomizer} as an integrator);</li>
 * <li>the engine's history events of decision evaluations (Eligibility, ContractSplitting...), by process
 * instance: {@code PilotMetricsEnginePlugin}.</li>
 * </ul>
 * Writes that bypass both (SQL scripts, bench/seed.sql) need a rebuild ({@code POST /staff/metrics/rebuild}).
 */
@Component
public class PilotMetricsTracker implements HibernatePropertiesCustomizer {

    private static final Logger log = LoggerFactory.getLogger(PilotMetricsTracker.class);

    private final ObjectProvider<PilotTotals> totals;
    private final ObjectProvider<JdbcTemplate> jdbc;
    private final ObjectProvider<EntityManagerFactory> entityManagers;
    private final ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine;

    PilotMetricsTracker(
            ObjectProvider<PilotTotals> totals,
            ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<EntityManagerFactory> entityManagers,
            ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
        this.totals = totals;
        this.jdbc = jdbc;
        this.entityManagers = entityManagers;
        this.engine = engine;
    }

    @Override
    public void customize(java.util.Map<String, Object> properties) {
        Object existing = properties.get("hibernate.integrator_provider");
        List<Integrator> integrators = new ArrayList<>();
        if (existing instanceof IntegratorProvider provider) {
            integrators.addAll(provider.getIntegrators());
        }
        integrators.add(new Hooks());
        properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> integrators);
    }

    void opportunityChanged(UUID id) {
        Pending pending = pending();
        if (pending != null && id != null) {
            pending.opportunities.add(id);
        }
    }

    void proposalChanged(UUID id) {
        Pending pending = pending();
        if (pending != null && id != null) {
            pending.proposals.add(id);
        }
    }

    void contractChanged(UUID id) {
        Pending pending = pending();
        if (pending != null && id != null) {
            pending.contracts.add(id);
        }
    }

    void processInstanceChanged(String id) {
        Pending pending = pending();
        if (pending != null && id != null) {
            pending.processInstances.add(id);
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            log.debug("A change outside a transaction: the pilot metrics' totals need a rebuild to see it");
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** What one transaction changed, refreshed before it commits. */
    private final class Pending implements TransactionSynchronization {
        final Set<UUID> opportunities = new TreeSet<>();
        final Set<UUID> proposals = new TreeSet<>();
        final Set<UUID> contracts = new TreeSet<>();
        final Set<String> processInstances = new TreeSet<>();

        /** Whether Hibernate runs {@link #process} before it completes the transaction too. */
        boolean inHibernateCompletion;

        @Override
        public void beforeCommit(boolean readOnly) {
            process(true);
        }

        /**
         * Refreshes what the transaction changed. From Spring's before-commit, JPA's changes are written first (JPA
         * writes them at commit, after this); changes JPA writes only at commit (when nothing was noted before)
         * are refreshed by Hibernate's before-completion process, after its last flush. A refresh writes with JDBC
         * only: no new events.
         */
        void process(boolean flush) {
            for (int round = 0; round < 3; round++) {
                if (flush) {
                    // the transaction's own EntityManager, if it has one (never a new one)
                    EntityManagerFactory factory = entityManagers.getIfAvailable();
                    if (factory != null
                            && TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder h
                            && h.getEntityManager().isJoinedToTransaction()) {
                        h.getEntityManager().flush();
                    }
                }
                Set<UUID> ids = take();
                if (ids.isEmpty()) {
                    return;
                }
                totals.getObject().refresh(ids);
            }
        }

        private Set<UUID> take() {
            Set<UUID> ids = new TreeSet<>(opportunities);
            opportunities.clear();
            JdbcTemplate sql = jdbc.getObject();
            if (!proposals.isEmpty()) {
                ids.addAll(lookUp(sql, "select opportunity_id from proposal where id in ", proposals));
                proposals.clear();
            }
            if (!contracts.isEmpty()) {
                ids.addAll(lookUp(sql, "select opportunity_id from contract where id in ", contracts));
                contracts.clear();
            }
            if (!processInstances.isEmpty()) {
                ids.addAll(lookUp(
                        sql,
                        "select o.id from opportunity o join " + AuditRows.engineTablePrefix(engine.getObject())
                                + "ACT_HI_PROCINST pi on pi.business_key_ = o.reference where pi.proc_def_key_ = '"
                                + AuditRows.PROCESS_KEY + "' and pi.proc_inst_id_ in ",
                        processInstances));
                processInstances.clear();
            }
            return ids;
        }

        private List<UUID> lookUp(JdbcTemplate sql, String query, Set<?> keys) {
            List<UUID> found = new ArrayList<>();
            List<?> all = new ArrayList<>(keys);
            for (int i = 0; i < all.size(); i += 500) {
                List<?> chunk = all.subList(i, Math.min(all.size(), i + 500));
                found.addAll(sql.queryForList(
                        query + "(" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                        UUID.class,
                        chunk.toArray()));
            }
            return found;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(PilotMetricsTracker.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PilotMetricsTracker.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PilotMetricsTracker.this);
        }
    }

    /** Hibernate's events of the entities the metrics are made of. */
    private final class Hooks
            implements Integrator, PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

        @Override
        public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
            EventListenerRegistry registry = factory.getServiceRegistry().getService(EventListenerRegistry.class);
            registry.appendListeners(EventType.POST_INSERT, this);
            registry.appendListeners(EventType.POST_UPDATE, this);
            registry.appendListeners(EventType.POST_DELETE, this);
        }

        @Override
        public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {}

        @Override
        public void onPostInsert(PostInsertEvent event) {
            changed(event.getEntity(), event.getSession());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            changed(event.getEntity(), event.getSession());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            changed(event.getEntity(), event.getSession());
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }

        private void changed(Object entity, SharedSessionContractImplementor session) {
            if (!(entity instanceof Opportunity
                    || entity instanceof Proposal
                    || entity instanceof SelfIdentification
                    || entity instanceof Contract
                    || entity instanceof Payment)) {
                return;
            }
            Pending pending = pending();
            if (pending != null && !pending.inHibernateCompletion && session instanceof SessionImplementor s) {
                pending.inHibernateCompletion = true;
                s.getActionQueue().registerProcess(completing -> pending.process(false));
            }
            if (entity instanceof Opportunity o) {
                opportunityChanged(o.getId());
            } else if (entity instanceof Proposal p) {
                opportunityChanged(p.getOpportunityId());
            } else if (entity instanceof SelfIdentification s) {
                proposalChanged(s.getProposalId());
            } else if (entity instanceof Contract c) {
                opportunityChanged(c.getOpportunityId());
            } else if (entity instanceof Payment p) {
                contractChanged(p.getContractId());
            }
        }
    }
}
