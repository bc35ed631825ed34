package ca.gc.microacquisition.identity;

import ca.gc.microacquisition.common.Problems;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The managed list of requesting teams: Camunda groups of type {@value #GROUP_TYPE}, created and staffed by an
 * administrator in Camunda Admin. A request names one of its requester's teams by the group's id (or its name); the
 * id is what the contract-splitting history compares, so renaming a team changes nothing, and nobody can type a new
 * team name to escape the history.
 */
@Component
public class Teams {

    /** The Camunda group type that marks a group as a requesting team. */
    public static final String GROUP_TYPE = "team";

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    Teams(IdentityService identityService, ProcessEngineConfiguration configuration) {
        this.identityService = identityService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    /** The teams the user belongs to, by id (read without the caller's authorizations: it is the service's check). */
    public List<Group> of(String userId) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        return configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() ->
                        identityService.createGroupQuery().groupMember(userId).groupType(GROUP_TYPE).list().stream()
                                .sorted(Comparator.comparing(Group::getId))
                                .toList()));
    }

    /**
     * The id of the team the request is made for: the team named (by id or name, any case) if the requester belongs
     * to it, or the requester's only team when none is named.
     *
     * @throws ca.gc.microacquisition.common.DomainValidationException when the requester is in no team, names a
     *                                                                 team they are not in, or must choose one
     */
    public String resolve(String requester, String named) {
        List<Group> mine = of(requester);
        Problems p = new Problems("The request");
        String ids = String.join(", ", mine.stream().map(Group::getId).toList());
        if (mine.isEmpty()) {
            p.add(
                            "team",
                            "you are not a member of any team: an administrator adds you to your team's group (group type"
                                    + " \"" + GROUP_TYPE + "\") in Camunda Admin")
                    .throwIfAny();
        }
        if (named == null || named.isBlank()) {
            if (mine.size() == 1) {
                return mine.get(0).getId();
            }
            p.add("team", "choose one of your teams: " + ids).throwIfAny();
        }
        String wanted = named.strip().toLowerCase(Locale.ROOT);
        for (Group team : mine) {
            if (team.getId().toLowerCase(Locale.ROOT).equals(wanted)
                    || (team.getName() != null
                            && team.getName().strip().toLowerCase(Locale.ROOT).equals(wanted))) {
                return team.getId();
            }
        }
        p.add("team", "\"" + named.strip() + "\" is not one of your teams; yours: " + ids)
                .throwIfAny();
        throw new IllegalStateException("unreachable");
    }
}
