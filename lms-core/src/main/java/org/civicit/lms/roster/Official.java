package org.civicit.lms.roster;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A cán bộ or công chức of an agency: the person who trains, sits exams and is certified. */
@Entity
@Table(name = "official")
@NamedQuery(name = Official.FIND_BY_CODE,
        query = "SELECT o FROM Official o JOIN FETCH o.agency WHERE o.employeeCode = :code")
public class Official implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FIND_BY_CODE = "Official.findByEmployeeCode";
    public static final int NAME_LENGTH = 255;
    public static final int EMAIL_LENGTH = 255;

    @Id
    private Long id;

    @Column(name = "employee_code", nullable = false, unique = true, length = 40)
    private String employeeCode;

    @Column(name = "full_name", nullable = false, length = NAME_LENGTH)
    private String fullName;

    /** See {@link #searchKey}; written with the name, only ever queried. */
    @Column(name = "search_key", nullable = false)
    private String searchKey;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Position position;

    @Column(length = EMAIL_LENGTH)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "it_degree")
    private ItDegree itDegree;

    @Column(nullable = false)
    private boolean active;

    protected Official() {
    }

    /**
     * What a name search matches: the name and code without diacritics, lower case, so
     * that "nguyen van an" finds "Nguyễn Văn An" as a clerk expects.
     */
    public static String searchKey(String fullName, String employeeCode) {
        return fold(fullName + " " + employeeCode);
    }

    /** Without the marks a decomposed letter carries, lower case; an import folds every name it reads. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(folded::appendCodePoint);
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    public Long getId() {
        return id;
    }

    public String getEmployeeCode() {
        return employeeCode;
    }

    public String getFullName() {
        return fullName;
    }

    public Agency getAgency() {
        return agency;
    }

    public Position getPosition() {
        return position;
    }

    public String getEmail() {
        return email;
    }

    public ItDegree getItDegree() {
        return itDegree;
    }

    public boolean isActive() {
        return active;
    }
}
