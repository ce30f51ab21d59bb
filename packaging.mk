# packaging.mk — Steady's packages and installs. Included by the Makefile
# (`include packaging.mk`); also works alone: make -f packaging.mk TARGET.
#
#   make package-linux     dist/steady-VERSION-linux-amd64.tar.xz and dist/steady_VERSION_amd64.deb
#   make package-windows   dist/steady-VERSION-windows-amd64.exe and .msi (cross-compiled here)
#   make package-darwin    dist/Steady-VERSION-macos-ARCH.dmg (on a Mac only)
#   make test-package      builds the Linux and Windows packages and checks them (CI)
#   make test-wine         the Windows build under Wine: MSI install, Start-menu start, a
#                          check-in by keyboard, second copy refused, Japanese, uninstall,
#                          the plain .exe (scripts/test-wine; part of `make test`)
#   make vet-windows       GOOS=windows go vet -tags ci ./... with mingw-w64's cgo (a
#                          Unix-only name fails here, not on windows-latest)
#   make test-wine-go      that vet, and the data and i18n tests compiled for Windows run
#                          under Wine (scripts/test-wine-go, 4-9 min; part of `make test`;
#                          each run's log is kept in bin/test-wine-go/)
#   make lint-workflows    actionlint (pinned) + shellcheck on .github/workflows
#   make install           build, then install into $(DESTDIR)$(PREFIX) (PREFIX=/usr/local)
#   make uninstall         remove exactly what install put there (never your journal)
#   make install-user      install into ~/.local (no root)
#   make uninstall-user
#
# VERSION of the packages: PKG_VERSION (default: FyneApp.toml's Version; a
# release tag, e.g. PKG_VERSION=v1.2.3, is fine). Packaging tools:
# scripts/deps-package; Wine and what its tests need: scripts/deps-wine.

PREFIX      ?= /usr/local
DESTDIR     ?=
DIST        ?= dist
PKG_VERSION ?=
USER_PREFIX ?= $(HOME)/.local

# The scripts read these from the environment.
PKG_ENV := DIST='$(DIST)' $(if $(PKG_VERSION),STEADY_VERSION='$(PKG_VERSION)')

# What the Linux stage is made of: sources, embedded files, metadata.
PKG_SOURCES := $(shell find . \( -path ./dist -o -path ./bin -o -path ./.git \) -prune -o -type f \
	\( -name '*.go' -o -name '*.toml' -o -name '*.png' -o -name '*.svg' -o -name 'go.mod' -o -name 'go.sum' \) -print 2>/dev/null) \
	$(wildcard packaging/linux/*) packaging/lib.sh scripts/package-linux
PKG_STAGE := $(DIST)/linux/stage

.PHONY: deps-package deps-wine package-linux package-windows package-darwin test-package \
	test-wine test-wine-go vet-windows lint-workflows install uninstall install-user uninstall-user

deps-package:
	scripts/deps-package

deps-wine:
	scripts/deps-wine

package-linux: deps-package
	$(PKG_ENV) scripts/package-linux

package-windows: deps-package
	$(PKG_ENV) scripts/package-windows

package-darwin:
	$(PKG_ENV) scripts/package-darwin

test-package: deps-package
	$(PKG_ENV) scripts/test-package

# Uses dist/test-package's MSI and .exe when test-package made them (as in
# `make test`), else builds them.
test-wine: deps-package deps-wine
	$(PKG_ENV) scripts/test-wine

test-wine-go: deps-package deps-wine
	scripts/test-wine-go

vet-windows: deps-package
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
		$(or $(GO),go) vet -tags ci ./...

lint-workflows: deps-package
	scripts/lint-workflows

# install builds only when a source is newer than the stage, so that
# `make package-linux` (or `make install-user`) followed by `sudo make install`
# does not rebuild as root.
$(PKG_STAGE)/bin/steady: $(PKG_SOURCES)
	$(PKG_ENV) scripts/package-linux --stage-only

install: $(PKG_STAGE)/bin/steady
	packaging/linux/install.sh --from '$(PKG_STAGE)' --prefix '$(PREFIX)' $(if $(DESTDIR),--destdir '$(DESTDIR)')

uninstall:
	packaging/linux/install.sh --uninstall --prefix '$(PREFIX)' $(if $(DESTDIR),--destdir '$(DESTDIR)')

install-user: $(PKG_STAGE)/bin/steady
	packaging/linux/install.sh --from '$(PKG_STAGE)' --prefix '$(USER_PREFIX)' $(if $(DESTDIR),--destdir '$(DESTDIR)')

uninstall-user:
	packaging/linux/install.sh --uninstall --prefix '$(USER_PREFIX)' $(if $(DESTDIR),--destdir '$(DESTDIR)')
