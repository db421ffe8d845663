package org.civicit.lms.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * In a cluster the session travels between nodes through the data grid, so everything a
 * session- or view-scoped bean keeps must be serialisable: the bean itself and every field
 * that is neither injected (the container serialises those as proxies) nor transient.
 */
class SessionStateTest {

    @Test
    void everythingKeptInASessionIsSerialisable() throws Exception {
        List<Class<?>> beans = beans();
        assertThat(beans).as("session- and view-scoped beans found").hasSizeGreaterThan(5);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Field field : bean.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                check(field.getGenericType(), bean.getSimpleName() + "." + field.getName(), problems, new HashSet<>());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Checks a field's type; {@code seen} holds the records already looked into, as one may hold itself (a tree). */
    private static void check(Type type, String where, List<String> problems, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            // The collections' interfaces: the implementations the pages use are serialisable.
            if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
                check(raw, where, problems, seen);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, where, problems, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, where, problems, seen);
            }
        } else if (type instanceof Class<?> plain) {
            boolean fine = plain.isPrimitive() || Serializable.class.isAssignableFrom(plain) || plain == Object.class
                    || (plain.isArray() && (plain.getComponentType().isPrimitive()
                            || Serializable.class.isAssignableFrom(plain.getComponentType())));
            if (!fine) {
                problems.add(where + " holds a " + plain.getName() + ", which is not Serializable");
            }
            if (plain.isRecord() && fine && seen.add(plain)) {
                for (var component : plain.getRecordComponents()) {
                    check(component.getGenericType(), where + "." + component.getName(), problems, seen);
                }
            }
        }
    }

    private static List<Class<?>> beans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(NodeHeaderFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SessionStateTest.class.getClassLoader());
                if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}
