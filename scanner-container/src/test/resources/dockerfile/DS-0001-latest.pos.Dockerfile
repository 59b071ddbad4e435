FROM golang:1.22 AS b
FROM node:latest AS base
USER app
