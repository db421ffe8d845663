package org.civicit.lms.certification;

/** A certificate's standing today. */
public enum CertificateStatus {
    VALID, EXPIRED, REVOKED
}
