package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.SendMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's Up/Down switch per sandbox rail, in the database so that every node sees it; a call
 * reads it in the statement that records the call ({@link SandboxPayouts#call}).
 */
@Repository
public class SandboxSwitch {

    private final JdbcTemplate jdbc;

    SandboxSwitch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void set(SendMethod method, boolean down) {
        jdbc.update("""
                insert into sandbox_rail_mode (send_method_id, down) values (?, ?)
                on conflict (send_method_id) do update set down = excluded.down""", method.id(), down);
    }

    /** The sandbox rails an operator has switched down now. */
    public Set<SendMethod> down() {
        return jdbc.queryForList("select send_method_id from sandbox_rail_mode where down", String.class).stream()
                .map(SendMethod::fromId).collect(Collectors.toUnmodifiableSet());
    }
}
