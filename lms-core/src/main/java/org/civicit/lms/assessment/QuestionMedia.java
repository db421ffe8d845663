package org.civicit.lms.assessment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of a picture shown in questions, kept once by their SHA-256 however many
 * questions and revisions show it; in the database, so that every node serves it.
 */
@Entity
@Table(name = "question_media")
public class QuestionMedia {

    @Id
    @Column(length = 64)
    private String sha256;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected QuestionMedia() {
    }

    QuestionMedia(String sha256, String contentType, byte[] content) {
        this.sha256 = sha256;
        this.contentType = contentType;
        this.content = content;
    }

    public String getSha256() {
        return sha256;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }
}
