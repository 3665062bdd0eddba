#include <QNetworkAccessManager> // forbidden: core sends through the network module
