# mailbot's image: the package and its rules/templates, run as an unprivileged user.
# Build: docker build -t mailbot:local .   Run: docker run --env-file deploy/mailbot.env mailbot:local run
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Only what the wheel needs, so a stray local database or .env never ends up in the image.
WORKDIR /src
COPY pyproject.toml README.md ./
COPY mailbot ./mailbot
COPY rules ./rules
COPY templates ./templates
RUN pip install . && rm -rf /src

# A fixed non-root uid, so volume ownership is predictable across rebuilds.
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/mailbot --create-home \
        --shell /usr/sbin/nologin mailbot \
    && install -d -o mailbot -g mailbot -m 0750 /var/lib/mailbot/outbox
USER 10001:10001
WORKDIR /var/lib/mailbot

ENTRYPOINT ["mailbot"]
CMD ["run"]
