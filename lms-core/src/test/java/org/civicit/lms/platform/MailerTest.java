package org.civicit.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Notices through a real SMTP server in the test's own process (GreenMail). */
class MailerTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private MailSettings settings(String user, String password) {
        return new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), "lms@sotttt.example.vn", user, password, false);
    }

    @Test
    void vietnameseSubjectAndTextArriveIntact() throws Exception {
        new Mailer(settings(null, null)).send("an.nguyen@xa.example.vn", "Ghi danh lớp Tin học cơ bản",
                "Kính gửi Nguyễn Văn An,\n\nAnh/chị đã được ghi danh.");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Ghi danh lớp Tin học cơ bản");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("an.nguyen@xa.example.vn");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("lms@sotttt.example.vn");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("Kính gửi Nguyễn Văn An", "ghi danh");
    }

    @Test
    void aServerAskingForALoginGetsTheConfiguredOne() throws Exception {
        smtp.setUser("lms@sotttt.example.vn", "lms-mail", "mail-secret");
        new Mailer(settings("lms-mail", "mail-secret")).send("a@xa.example.vn", "Thử", "Nội dung");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThatThrownBy(() -> new Mailer(settings("lms-mail", "wrong")).send("a@xa.example.vn", "Thử", "x"))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void withoutAHostOrASenderMailIsOff() {
        assertThat(new Mailer(MailSettings.OFF).enabled()).isFalse();
        assertThat(new MailSettings("smtp.example.vn", 25, null, null, null, false).enabled()).isFalse();
        assertThat(new MailSettings("smtp.example.vn", 25, "lms@example.vn", null, null, false).enabled()).isTrue();
    }
}
