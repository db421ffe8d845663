package org.civicit.lms.catalog;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A course of a programme, as written in {@code content/catalog/<code>.md}. */
@Entity
@Table(name = "course")
@NamedQuery(name = Course.FIND_BY_CODE,
        query = "SELECT c FROM Course c JOIN FETCH c.programme WHERE c.code = :code")
@NamedQuery(name = Course.FIND_ALL, query = "SELECT c FROM Course c JOIN FETCH c.programme ORDER BY c.code")
public class Course {

    public static final String FIND_BY_CODE = "Course.findByCode";
    public static final String FIND_ALL = "Course.findAll";

    @Id
    @SequenceGenerator(name = "course_seq", sequenceName = "course_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id")
    private Programme programme;

    @Column(nullable = false)
    private String title;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Column(nullable = false)
    private int hours;

    /** The lessons, in Markdown. */
    @Column(nullable = false, length = 200_000)
    private String body;

    /** Of the file it was loaded from: an unchanged file is not loaded again. */
    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** Of the file shipped in {@code content/catalog}: a version uploaded since stays until that file changes. */
    @Column(name = "shipped_hash", length = 64)
    private String shippedHash;

    @Column(nullable = false)
    private int revision;

    @Column(length = 200)
    private String prerequisites;

    @Version
    private long version;

    protected Course() {
    }

    public Course(String code) {
        this.code = code;
    }

    void load(Programme programme, String title, String titleEn, int hours, List<String> prerequisites, String body,
            String contentHash) {
        this.revision++;
        this.prerequisites = prerequisites.isEmpty() ? null : String.join(",", prerequisites);
        this.programme = programme;
        this.title = title;
        this.titleEn = titleEn;
        this.hours = hours;
        this.body = body;
        this.contentHash = contentHash;
    }

    void shipped(String hash) {
        this.shippedHash = hash;
    }

    public String getShippedHash() {
        return shippedHash;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Programme getProgramme() {
        return programme;
    }

    public String getTitle() {
        return title;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public int getHours() {
        return hours;
    }

    public String getBody() {
        return body;
    }

    /** How many versions of the course were loaded; 0 until its lessons are. */
    public int getRevision() {
        return revision;
    }

    /** The codes of the courses to complete before this one. */
    public List<String> getPrerequisites() {
        return prerequisites == null ? List.of() : List.of(prerequisites.split(","));
    }

    public String getContentHash() {
        return contentHash;
    }
}
