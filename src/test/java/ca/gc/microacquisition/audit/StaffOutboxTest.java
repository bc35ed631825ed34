package ca.gc.microacquisition.audit;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.testsupport.DomainTest;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** /staff/outbox: Camunda users of the staff groups only, with their Camunda password. */
@DomainTest
class StaffOutboxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    String user(String group) {
        String id = "staff" + UUID.randomUUID().toString().substring(0, 8);
        User u = identity.newUser(id);
        u.setPassword("A staff passw0rd!");
        identity.saveUser(u);
        if (identity.createGroupQuery().groupId(group).singleResult() == null) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(id, group);
        return id;
    }

    @Test
    void adminsAndAuditorsReadTheOutboxOthersDoNot() throws Exception {
        mvc.perform(get("/staff/outbox")).andExpect(status().isUnauthorized());
        mvc.perform(get("/staff/outbox").with(httpBasic(user("camunda-admin"), "A staff passw0rd!")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Notification outbox")));
        mvc.perform(get("/staff/outbox").with(httpBasic(user("auditors"), "A staff passw0rd!")))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/outbox").with(httpBasic(user("requesters"), "A staff passw0rd!")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/outbox").with(httpBasic(user("camunda-admin"), "wrong")))
                .andExpect(status().isUnauthorized());
    }
}
