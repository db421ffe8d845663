package org.civicit.lms.certification;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * Numbers for the certificates the application issues: programme, year, then eight random
 * characters, so that the public verification page cannot be walked number by number.
 * The alphabet leaves out characters a reader confuses (0/O, 1/I).
 */
public final class CertificateNumbers {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumbers() {
    }

    public static String next(String programmeCode, LocalDate issuedOn) {
        StringBuilder number = new StringBuilder(programmeCode).append('-').append(issuedOn.getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }
}
