package org.civicit.lms.roster;

/** What an account may do; the names are the security roles of the application. */
public enum Role {
    ADMIN, HR, INSTRUCTOR, TRAINEE
}
