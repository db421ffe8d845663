package org.civicit.lms.assessment;

import java.time.OffsetDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A file a trainee handed in for a practical question; a new file replaces the one before. */
@Entity
@Table(name = "attempt_upload")
@IdClass(AttemptItem.Key.class)
@NamedQuery(name = AttemptUpload.DESCRIBE_OF_ATTEMPT,
        query = "SELECT u.questionId, u.fileName, u.contentType, u.sizeBytes FROM AttemptUpload u"
                + " WHERE u.attemptId = :attempt")
public class AttemptUpload {

    public static final String DESCRIBE_OF_ATTEMPT = "AttemptUpload.describeOfAttempt";
    public static final int NAME_LENGTH = 255;
    public static final int TYPE_LENGTH = 100;

    /** What the attempt shows of a file: never its content. */
    public record Described(String fileName, String contentType, long sizeBytes) {
    }

    @Id
    @Column(name = "attempt_id")
    private Long attemptId;

    @Id
    @Column(name = "question_id")
    private Long questionId;

    @Column(name = "file_name", nullable = false, length = NAME_LENGTH)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = TYPE_LENGTH)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected AttemptUpload() {
    }

    AttemptUpload(Long attemptId, Long questionId) {
        this.attemptId = attemptId;
        this.questionId = questionId;
    }

    void replace(String fileName, String contentType, byte[] content, OffsetDateTime at) {
        // The lazy content first: touching it loads the rest of the row, which would undo
        // a name and type set before it.
        this.content = content;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.uploadedAt = at;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }
}
