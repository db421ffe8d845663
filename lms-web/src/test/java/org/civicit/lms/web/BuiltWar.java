package org.civicit.lms.web;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build made, as the integration tests deploy it: the real thing, not a hand-picked subset. */
final class BuiltWar {

    private BuiltWar() {
    }

    static WebArchive archive() {
        return ShrinkWrap.create(ZipImporter.class, "lms-web.war")
                .importFrom(new File(System.getProperty("lms.war")))
                .as(WebArchive.class);
    }
}
