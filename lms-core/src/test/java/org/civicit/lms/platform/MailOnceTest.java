package org.civicit.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.civicit.lms.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A scheduled notice through a real SMTP server and the claims table: sent once, and again only after a failure. */
class MailOnceTest {

    private static final NoticeClaims.Key KEY = new NoticeClaims.Key("SESSION_REMINDER", "session:1", "official:1");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T08:00:00+07:00");
    private static final MailOnce.Mail MAIL = new MailOnce.Mail("an.nguyen@xa.example.vn", "Nhắc lịch học", "Ngày mai");

    private GreenMail smtp;
    private TestDatabase database;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        database = new TestDatabase();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    /** A node: its own beans on the shared database, sending to {@code port}. */
    private MailOnce node(int port) {
        MailOnce once = new MailOnce();
        once.claims = database.wire(new NoticeClaims());
        once.mailer = new Mailer(new MailSettings("127.0.0.1", port, "lms@sotttt.example.vn", null, null, false));
        return once;
    }

    @Test
    void twoNodesSendANoticeOnce() {
        AtomicInteger composed = new AtomicInteger();
        MailOnce first = node(smtp.getSmtp().getPort());
        MailOnce second = node(smtp.getSmtp().getPort());
        assertThat(first.send(KEY, NOW, () -> {
            composed.incrementAndGet();
            return Optional.of(MAIL);
        })).isTrue();
        assertThat(second.send(KEY, NOW.plusSeconds(2), () -> {
            composed.incrementAndGet();
            return Optional.of(MAIL);
        })).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(composed).as("only the winner composes").hasValue(1);
    }

    @Test
    void aFailedSendIsTriedAgainByTheNextRunAndThenGoesOnce() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        assertThat(node(port).send(KEY, NOW, () -> Optional.of(MAIL))).as("the server is down").isFalse();
        assertThat(database.query("SELECT failures, CASE WHEN claimed_at IS NULL THEN 'free' ELSE 'held' END,"
                + " CASE WHEN done_at IS NULL THEN 'open' ELSE 'done' END FROM notice_claim"))
                .as("the failure counted, the claim given back").isEqualTo("1|free|open\n");

        smtp = new GreenMail(ServerSetupTest.SMTP.port(port));
        smtp.start();
        assertThat(node(port).send(KEY, NOW.plusSeconds(2), () -> Optional.of(MAIL))).isTrue();
        assertThat(node(port).send(KEY, NOW.plusSeconds(4), () -> Optional.of(MAIL))).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aNoticeWithNothingToSayIsDoneWithoutMail() {
        MailOnce node = node(smtp.getSmtp().getPort());
        assertThat(node.send(KEY, NOW, Optional::empty)).isFalse();
        assertThat(node.send(KEY, NOW.plusSeconds(2), () -> Optional.of(MAIL))).as("decided for the week").isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
