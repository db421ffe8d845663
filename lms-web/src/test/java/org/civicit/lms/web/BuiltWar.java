package org.civicit.lms.web;

import java.io.File;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build made, as the integration tests deploy it: the real thing, not a hand-picked
 * subset. It is deployed once for every Arquillian test class of a run (one Payara Micro boot),
 * so those classes share one server and one database, as users of one province do (named as
 * the suite's deployment in {@code arquillian.xml}).
 */
final class BuiltWar {

    private BuiltWar() {
    }

    @Deployment(testable = false)
    static WebArchive archive() {
        return ShrinkWrap.create(ZipImporter.class, "lms-web.war")
                .importFrom(new File(System.getProperty("lms.war")))
                .as(WebArchive.class);
    }
}
