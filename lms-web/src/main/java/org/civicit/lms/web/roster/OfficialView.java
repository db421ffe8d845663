package org.civicit.lms.web.roster;

import org.civicit.lms.roster.ItDegree;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Position;
import org.civicit.lms.roster.Sector;

/** An official as the API shows them, with their agency named. */
public record OfficialView(String employeeCode, String fullName, String agencyCode, String agencyName,
                           Level level, Sector sector, Position position, String email, ItDegree itDegree,
                           boolean active) {

    static OfficialView of(Official official) {
        var agency = official.getAgency();
        return new OfficialView(official.getEmployeeCode(), official.getFullName(), agency.getCode(),
                agency.getName(), agency.getLevel(), agency.getSector(), official.getPosition(),
                official.getEmail(), official.getItDegree(), official.isActive());
    }
}
