# Klaxon: build with the official Swift 6 image, run on slim Debian with libsqlite3.
# Build:  docker build -t klaxon .
# Run:    docker run -p 8080:8080 -v klaxon-data:/data klaxon

FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so that source edits reuse this layer.
COPY Package.swift ./
RUN swift package resolve
COPY . .
RUN swift build -c release --static-swift-stdlib --product klaxon \
    && install -D "$(swift build -c release --show-bin-path)/klaxon" /out/klaxon

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-0 libcurl4 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin klaxon \
    && mkdir -p /data && chown klaxon:klaxon /data
COPY --from=build /out/klaxon /usr/local/bin/klaxon
COPY Public /srv/klaxon/Public
ENV KLAXON_HOST=0.0.0.0 \
    KLAXON_PORT=8080 \
    KLAXON_DB=/data/klaxon.db \
    KLAXON_PUBLIC=/srv/klaxon/Public
VOLUME ["/data"]
USER klaxon
WORKDIR /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 CMD ["klaxon", "healthcheck"]
ENTRYPOINT ["klaxon"]
CMD ["serve"]
