# Multi-stage image of hyctl (central by default). Untested here: no Docker engine runs on the
# machines this project is built on; `cargo build --release` is what CI checks.
#   docker build -t hyctl .
#   docker run -d -p 9090:9090 -v hyctl:/var/lib/hyctl hyctl
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p hyctl && mkdir -p /out/var/lib/hyctl

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/hyctl /usr/local/bin/hyctl
# distroless has no shell to mkdir with: bring the state directory, owned by the nonroot user.
COPY --from=build --chown=65532:65532 /out/var/lib/hyctl /var/lib/hyctl
ENV HYCTL_CENTRAL_DB=/var/lib/hyctl/central.db \
    HYCTL_CENTRAL_LISTEN=:9090 \
    HYCTL_LOG_FORMAT=json
VOLUME /var/lib/hyctl
EXPOSE 9090
ENTRYPOINT ["/usr/local/bin/hyctl"]
CMD ["central"]
