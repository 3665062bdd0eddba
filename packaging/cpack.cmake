# CPack: one DEB per component, named and described here. Everything else about the packages
# (files, modes) is in the install() rules of packaging/CMakeLists.txt.
set(CPACK_PACKAGE_NAME shiqiuren)
set(CPACK_PACKAGE_VENDOR "Shiqiuren")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Empty on purpose: CPack's DEB generator would put project(DESCRIPTION) above each component's
# own synopsis (the first line of CPACK_COMPONENT_<X>_DESCRIPTION), and lintian refuses the twin.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_CONTACT "${SHIQIUREN_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${SHIQIUREN_HOMEPAGE}")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL client server)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debian revision 1 of the upstream version: the changelogs are changelog.Debian.gz.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps computes the library dependencies from the binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# The client: pcscd talks to the reader; the UI is drawn with Noto Sans CJK TC; the local store
# opens through Qt's SQLite driver, and the card through libpcsclite: both are dlopen()ed, so
# dpkg-shlibdeps cannot see them.
# libcrypto (libssl3) is dlopen()ed by the client too; shiqiuren-card links it, so
# dpkg-shlibdeps names it already (the package test checks that it stays named).
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME shiqiuren)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "pcscd, libpcsclite1, fonts-noto-cjk, libqt6sql6-sqlite")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
    "vacancy publishing client for agency HR clerks (事求人)
Shiqiuren is the desktop client with which the HR clerks of Taiwan's government
agencies draft, preview and publish job vacancies on the government recruitment
system (事求人機關徵才系統). The clerk logs in with the card in the reader: the
citizen digital certificate (自然人憑證, MOICA) or the agency card (機關憑證, GCA).
Vacancies can be drafted offline and are synced to the central service.

The package also holds shiqiuren-card, a command-line tool for IT support that
lists readers, identifies cards and reads their certificates.

Signing with a MOICA or GCA card needs the card vendor's PKCS#11 module
(HiCOS), which is not part of Debian.")

# The server: Qt's SQLite driver for the default database; PostgreSQL is optional.
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME shiqiuren-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql, postgresql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/debian/conffiles)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "reference central service for the Shiqiuren vacancy client
shiqiuren-server is the reference implementation of the central service the
Shiqiuren desktop client syncs with: card login checked against configured
trust anchors with OCSP and CRLs, accounts and sessions, vacancies with
idempotent writes and a change feed, and the Open Data feed. It stores its
data in SQLite or PostgreSQL.

The package installs a hardened systemd unit that runs the service as a
dynamic system user with its own state directory; it is not enabled until the
administrator has written /etc/shiqiuren-server/server.conf.")

include(CPack)
