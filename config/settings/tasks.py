"""Background work: django-tasks with the database backend (django-tasks-db).

The worker is ``manage.py db_worker``. On SQLite it runs beside the web server
(``make run``); in production it is its own process, and several may run.
"""

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
