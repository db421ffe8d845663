package org.civicit.lms.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may log in. */
class AccountTest {

    @Test
    void aDisabledAccountCannotLogInUntilItIsEnabledAgain() {
        Account account = new Account("hr-someone");
        account.setPasswordHash("hash");
        assertThat(account.mayLogIn()).isTrue();
        account.setDisabled(true);
        assertThat(account.mayLogIn()).isFalse();
        account.setDisabled(false);
        assertThat(account.mayLogIn()).isTrue();
    }

    @Test
    void anAccountWithoutPasswordCannotLogIn() {
        assertThat(new Account("no-password").mayLogIn()).isFalse();
    }
}
