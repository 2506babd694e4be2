# syntax=docker/dockerfile:1
# escape=`
ARG V=20
FROM node:${V} AS build
RUN echo a `
  b
RUN <<EOF
echo hi
EOF
