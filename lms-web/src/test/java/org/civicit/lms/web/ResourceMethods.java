package org.civicit.lms.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;

/**
 * Every JAX-RS resource method of the application as {@code METHOD /api/path}, the path as
 * the annotations declare it ({@code GET /api/courses/{code}}), found by reading the
 * compiled classes of {@code org.civicit.lms.web} rather than by a list someone keeps.
 */
final class ResourceMethods {

    private static final String PACKAGE = "org/civicit/lms/web/";

    private ResourceMethods() {
    }

    static Set<String> all() {
        String root = "/" + LmsApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> type : webClasses()) {
            jakarta.ws.rs.Path typePath = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (typePath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    endpoints.add(verb + " " + join(root, typePath.value(), methodPath == null ? "" : methodPath.value()));
                }
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }

    /** The classes under the package in the directory (or jar) that holds the application's classes. */
    private static Set<Class<?>> webClasses() {
        Path location;
        try {
            location = Path.of(LmsApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            if (Files.isDirectory(location)) {
                return classesUnder(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                return classesUnder(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Class<?>> classesUnder(Path root) throws IOException {
        Set<Class<?>> classes = new HashSet<>();
        try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.endsWith(".class")) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    try {
                        classes.add(Class.forName(className, false, ResourceMethods.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new IllegalStateException("Cannot read " + className, e);
                    }
                }
            }
        }
        return classes;
    }
}
