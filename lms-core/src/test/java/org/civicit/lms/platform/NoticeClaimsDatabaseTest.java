package org.civicit.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.civicit.lms.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claiming a notice against the migrations' table in H2, as several nodes would. */
class NoticeClaimsDatabaseTest {

    private static final NoticeClaims.Key KEY = new NoticeClaims.Key("SESSION_REMINDER", "session:42", "official:7");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T08:00:00+07:00");

    private TestDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database = new TestDatabase();
    }

    /** A node: its own bean on the shared database. */
    private NoticeClaims node() {
        return database.wire(new NoticeClaims());
    }

    @Test
    void ofTwoNodesClaimingTogetherExactlyOneWins() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                NoticeClaims node = node();
                claims.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return node.claim(KEY, NOW);
                }, pool));
            }
            start.countDown();
            assertThat(claims.stream().filter(CompletableFuture::join).count()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(database.query("SELECT COUNT(*) FROM notice_claim")).isEqualTo("1\n");
    }

    @Test
    void aSentNoticeIsNeverClaimedAgain() {
        assertThat(node().claim(KEY, NOW)).isTrue();
        node().done(KEY, NOW);
        assertThat(node().claim(KEY, NOW.plusMinutes(1))).isFalse();
        assertThat(node().claim(KEY, NOW.plusDays(1))).as("not even long after").isFalse();
        assertThat(node().claim(new NoticeClaims.Key("SESSION_REMINDER", "session:42", "official:8"), NOW))
                .as("another recipient of the same session").isTrue();
    }

    @Test
    void aClaimHeldByALiveNodeWaitsAndOneLeftByADeadNodeIsTakenOverAfterTheLease() {
        assertThat(node().claim(KEY, NOW)).isTrue();
        assertThat(node().claim(KEY, NOW.plusMinutes(1))).as("the first node is still sending").isFalse();
        assertThat(node().claim(KEY, NOW.plus(NoticeClaims.LEASE).plusMinutes(1))).as("it died").isTrue();
    }

    @Test
    void aFailedSendIsTriedAgainByTheNextRunUntilItIsGivenUp() {
        NoticeClaims node = node();
        for (int attempt = 1; attempt <= NoticeClaims.MAX_FAILURES; attempt++) {
            assertThat(node.claim(KEY, NOW.plusMinutes(attempt))).as("attempt %d", attempt).isTrue();
            node.failed(KEY, "jakarta.mail.MessagingException: Could not connect to SMTP host");
        }
        assertThat(node.claim(KEY, NOW.plusHours(1))).as("given up").isFalse();
        assertThat(database.query("SELECT failures, done_at, last_error FROM notice_claim")).isEqualTo(
                NoticeClaims.MAX_FAILURES + "|null|jakarta.mail.MessagingException: Could not connect to SMTP host\n");
    }
}
