package org.civicit.lms.web.enrolment;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;

/** Behind {@code hr/classes.xhtml}: the classes that take enrolments. */
@Named
@RequestScoped
public class ClassesBacking {

    @Inject
    Enrolments enrolments;

    private List<Offering> classes;

    public List<Offering> getClasses() {
        if (classes == null) {
            classes = enrolments.openClasses();
        }
        return classes;
    }
}
