package org.civicit.lms.certification;

/** Where a certificate came from. */
public enum CertificateSource {
    /** A passing exam attempt of a certifying assessment. */
    EXAM,
    /** Records from before the application, imported by HR. */
    IMPORT,
    /** Every course of the programme completed. */
    COURSE
}
