package ca.gc.microacquisition.enginesurface;

import java.lang.reflect.Field;

/**
 * Reads a protected field of a Camunda command (the commands have no getters). Every field the guard reads is
 * looked up once, when the engine is configured: a Camunda upgrade that renames one fails the start-up instead of
 * silently letting the command through.
 */
final class CommandFields<C, V> {

    private final Field field;
    private final Class<V> valueType;

    private CommandFields(Field field, Class<V> valueType) {
        this.field = field;
        this.valueType = valueType;
    }

    static <C, V> CommandFields<C, V> of(Class<C> command, String name, Class<V> valueType) {
        for (Class<?> type = command; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                if (!valueType.isAssignableFrom(field.getType())) {
                    throw new IllegalStateException("Field " + command.getName() + "." + name + " is a "
                            + field.getType().getName() + ", not a " + valueType.getName()
                            + ": the engine client-call policy does not match this Camunda version");
                }
                field.setAccessible(true);
                return new CommandFields<>(field, valueType);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException("Camunda command " + command.getName() + " has no field '" + name
                + "': the engine client-call policy does not match this Camunda version");
    }

    V get(C command) {
        try {
            return valueType.cast(field.get(command));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }
}
