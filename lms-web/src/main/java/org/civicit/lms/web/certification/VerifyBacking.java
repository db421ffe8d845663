package org.civicit.lms.web.certification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.certification.Certificate;
import org.civicit.lms.certification.CertificateStatus;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.platform.Today;

/** Behind {@code verify.xhtml}, where the QR code on a printed certificate leads: open to anyone. */
@Named
@RequestScoped
public class VerifyBacking {

    @Inject
    Certificates certificates;

    private String number;
    private Certificate certificate;

    public String getNumber() {
        return number;
    }

    /** Set from the {@code number} parameter of the page's address. */
    public void setNumber(String number) {
        this.number = number;
        this.certificate = number == null || number.isBlank() ? null
                : certificates.byNumber(number.strip()).orElse(null);
    }

    public Certificate getCertificate() {
        return certificate;
    }

    public CertificateStatus getStatus() {
        return certificate == null ? null : certificate.statusOn(Today.date());
    }
}
