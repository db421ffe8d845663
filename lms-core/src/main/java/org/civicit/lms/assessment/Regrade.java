package org.civicit.lms.assessment;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A line of the regrade log: one attempt whose score or verdict a regrade changed. */
@Entity
@Table(name = "regrade")
public class Regrade {

    @Id
    @SequenceGenerator(name = "regrade_seq", sequenceName = "regrade_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "regrade_seq")
    private Long id;

    @Column(name = "attempt_id", nullable = false)
    private Long attemptId;

    @Column(name = "old_score")
    private Double oldScore;

    @Column(name = "new_score")
    private Double newScore;

    @Column(name = "old_passed")
    private Boolean oldPassed;

    @Column(name = "new_passed")
    private Boolean newPassed;

    @Column(name = "done_by", nullable = false, length = 40)
    private String doneBy;

    @Column(name = "done_at", nullable = false)
    private OffsetDateTime doneAt;

    protected Regrade() {
    }

    Regrade(Long attemptId, Double oldScore, Double newScore, Boolean oldPassed, Boolean newPassed, String doneBy,
            OffsetDateTime doneAt) {
        this.attemptId = attemptId;
        this.oldScore = oldScore;
        this.newScore = newScore;
        this.oldPassed = oldPassed;
        this.newPassed = newPassed;
        this.doneBy = doneBy;
        this.doneAt = doneAt;
    }
}
