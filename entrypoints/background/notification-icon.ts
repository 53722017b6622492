/**
 * The notification icon (a 48 px amber clock). Chrome refuses basic notifications without an
 * iconUrl; a data URL keeps this independent of the packaged icon set.
 */
export const NOTIFICATION_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAA40lEQVR42u3aSw7CMAwE0BwFJI7IjTkIrJEq4uCZZDyypez9mjYfu2N0GMXrOd6RUTJpOUw28WMQdOJbIZEEZnEEkU36Xww9eVTQEOzEoxAogB0wQDb52/3xNbYiEE8+A0gjEK9NFnCF2PreMwAhBOqjRQCWZwG56rAAPxHIJRMFWJqF0gD0psUEXCLQOy4SEJqFBkwAs9EA1qmzAacBrHuCP0AJET4PVQFsOQtJABQQy5cadYBkKQV+sVcFSBe0JGtD5atzR5O3KO6WL69bNDgsWkw2TT6LNqtNo9vmV4OOZHwAlvafls20ng8AAAAASUVORK5CYII=';
