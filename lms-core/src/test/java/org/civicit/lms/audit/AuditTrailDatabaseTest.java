package org.civicit.lms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicit.lms.TestDatabase.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.civicit.lms.TestDatabase;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.roster.AgencyImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing and reading the log against the migrations' table in H2. */
class AuditTrailDatabaseTest {

    private TestDatabase database;
    private AuditLog log;
    private AuditTrail trail;

    @BeforeEach
    void emptyDatabase() {
        database = new TestDatabase();
        log = database.wire(new AuditLog());
        trail = database.wire(new AuditTrail());
    }

    @Test
    void anImportLeavesOneEntryWithItsCountsByTheSystemWhenNoRequestIsBehindIt() {
        database.wire(new AgencyImport()).apply(csv("code,name,level,sector\nT-TINH,Tỉnh,PROVINCE,STATE\n"));

        List<AuditEntry> entries = trail.page(AuditQuery.ALL, 1, 10).items();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.AGENCIES_IMPORTED);
            assertThat(entry.actor()).isEqualTo(Origin.SYSTEM);
            assertThat(entry.details()).isEqualTo("{\"created\":1,\"updated\":0,\"unchanged\":0}");
            assertThat(entry.at().toLocalDate()).isEqualTo(Today.date());
        });
    }

    @Test
    void filtersPickByActionActorSubjectAndDayNewestFirst() {
        log.login("nguyenvana", false);
        log.login("nguyenvana", true);
        log.record(AuditAction.CERTIFICATE_REVOKED, "certificate:BASIC-IT-2026-000001", null);
        log.login("100%_user", false);

        assertThat(trail.page(new AuditQuery(null, null, "nguyenvana", null, null), 1, 10).items())
                .extracting(AuditEntry::action).containsExactly(AuditAction.LOGIN, AuditAction.LOGIN_FAILED);
        assertThat(trail.page(new AuditQuery(null, null, null, AuditAction.LOGIN_FAILED, null), 1, 10).total())
                .isEqualTo(2);
        assertThat(trail.page(new AuditQuery(null, null, null, null, "basic-it-2026"), 1, 10).items())
                .extracting(AuditEntry::action).containsExactly(AuditAction.CERTIFICATE_REVOKED);
        assertThat(trail.page(new AuditQuery(null, null, null, null, "0%_"), 1, 10).items())
                .as("LIKE wildcards in the filter are plain text").extracting(AuditEntry::actor)
                .containsExactly("100%_user");
        LocalDate today = Today.date();
        assertThat(trail.page(new AuditQuery(today, today, null, null, null), 1, 10).total()).isEqualTo(4);
        assertThat(trail.page(new AuditQuery(today.plusDays(1), null, null, null, null), 1, 10).total()).isZero();
        assertThat(trail.page(new AuditQuery(null, today.minusDays(1), null, null, null), 1, 10).total()).isZero();
    }

    @Test
    void pagesAndTheStreamAgreeOnOrder() {
        for (int i = 0; i < 5; i++) {
            log.record(AuditAction.WITHDRAWN, "offering:O/official:" + i, null);
        }
        AuditTrail.Found second = trail.page(AuditQuery.ALL, 2, 2);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items()).extracting(AuditEntry::subject)
                .containsExactly("offering:O/official:2", "offering:O/official:1");
        List<String> all = new ArrayList<>();
        trail.each(AuditQuery.ALL, entry -> all.add(entry.subject()));
        assertThat(all).hasSize(5).startsWith("offering:O/official:4");
    }

    @Test
    void longValuesAreCutToTheColumnsAndBadPagingOrRangesAreRefused() {
        log.login("x".repeat(300), false);
        assertThat(trail.page(AuditQuery.ALL, 1, 1).items().get(0).actor()).hasSize(AuditLog.ACTOR_LENGTH);
        assertThatThrownBy(() -> trail.page(AuditQuery.ALL, 0, 10)).isInstanceOf(BusinessException.Invalid.class);
        assertThatThrownBy(() -> trail.page(AuditQuery.ALL, 1, AuditTrail.MAX_PAGE_SIZE + 1))
                .isInstanceOf(BusinessException.Invalid.class);
        LocalDate today = Today.date();
        assertThatThrownBy(() -> new AuditQuery(today, today.minusDays(1), null, null, null))
                .isInstanceOf(BusinessException.Invalid.class).hasMessage("audit.range");
    }
}
