#include "ui/settings/settings_dialog.hpp"

#include "core/cards/card_access.hpp"
#include "core/settings/client_settings.hpp"
#include "ui/i18n/language_switcher.hpp"
#include "ui/settings/settings_checks.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #a11;"));
    label->hide();
    return label;
}

void showProblem(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

SettingsDialog::SettingsDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , serverUrl_(new QLineEdit(this))
    , serverUrlProblem_(problemLabel(this))
    , pin_(new QLineEdit(this))
    , pinProblem_(problemLabel(this))
    , origin_(new QLineEdit(this))
    , originProblem_(problemLabel(this))
    , module_(new QLineEdit(this))
    , browse_(new QPushButton(this))
    , moduleState_(new QLabel(this))
    , reader_(new QComboBox(this))
    , language_(new QComboBox(this))
    , logout_(new QCheckBox(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    auto* layout = new QVBoxLayout(this);
    form_ = new QFormLayout;
    layout->addLayout(form_);
    // Each title is its own label (addRow with an empty text makes none), so retranslate() can
    // name it and it is the field's buddy for screen readers.
    const auto titled = [this](QWidget* field) {
        auto* title = new QLabel(this);
        title->setBuddy(field);
        form_->addRow(title, field);
    };
    titled(serverUrl_);
    form_->addRow(QString(), serverUrlProblem_);
    titled(pin_);
    form_->addRow(QString(), pinProblem_);
    titled(origin_);
    form_->addRow(QString(), originProblem_);
    moduleRow_ = new QHBoxLayout;
    moduleRow_->addWidget(module_, 1);
    moduleRow_->addWidget(browse_);
    moduleTitle_ = new QLabel(this);
    moduleTitle_->setBuddy(module_);
    form_->addRow(moduleTitle_, moduleRow_);
    moduleState_->setWordWrap(true);
    form_->addRow(QString(), moduleState_);
    titled(reader_);
    titled(language_);
    form_->addRow(QString(), logout_);
    layout->addWidget(buttons_);
    serverUrl_->setInputMethodHints(Qt::ImhUrlCharactersOnly);
    pin_->setMaxLength(100);
    origin_->setInputMethodHints(Qt::ImhUrlCharactersOnly);

    for (const QString& language : availableLanguages())
        language_->addItem(languageName(language), language);
    reader_->addItem(QString(), QString()); // 自動 (text set in retranslate)

    connect(browse_, &QPushButton::clicked, this, &SettingsDialog::browseModule);
    connect(serverUrl_, &QLineEdit::editingFinished, this, [this] { checkServerUrl(); });
    connect(pin_, &QLineEdit::editingFinished, this, [this] { checkPin(); });
    connect(origin_, &QLineEdit::editingFinished, this, [this] { checkOrigin(); });
    connect(module_, &QLineEdit::textChanged, this, [this] { checkModule(); });
    connect(buttons_, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    if (context_.cards) {
        connect(context_.cards, &core::cards::CardEvents::readerAdded, this,
            &SettingsDialog::addReader);
        connect(context_.cards, &core::cards::CardEvents::readerRemoved, this,
            &SettingsDialog::removeReader);
    }

    load();
    retranslate();
    if (context_.cards) {
        for (const auto& reader : context_.cards->knownReaders())
            addReader(reader.name);
        context_.cards->startWatching();
    }
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("設定"));
    const auto label = [this](QWidget* field, const QString& text) {
        if (auto* title = qobject_cast<QLabel*>(form_->labelForField(field)))
            title->setText(text);
    };
    label(serverUrl_, tr("伺服器網址："));
    label(pin_, tr("伺服器憑證指紋（SHA-256）："));
    label(origin_, tr("登入簽署的網址（origin）："));
    label(reader_, tr("優先使用的讀卡機："));
    label(language_, tr("介面語言："));
    moduleTitle_->setText(tr("PKCS#11 模組："));
    serverUrl_->setPlaceholderText(tr("例如 https://ecpa.example.gov.tw"));
    pin_->setPlaceholderText(tr("可不填：不填時以系統信任的憑證驗證伺服器"));
    origin_->setPlaceholderText(tr("可不填：服務經由代理伺服器對外時，填其公開網址"));
    module_->setPlaceholderText(tr("可不填：不填時在 HiCOS 的預設安裝位置尋找"));
    browse_->setText(tr("瀏覽…"));
    reader_->setItemText(0, tr("自動（第一台有卡片的讀卡機）"));
    logout_->setText(tr("取出卡片時自動登出"));
    buttons_->button(QDialogButtonBox::Save)->setText(tr("儲存"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    if (serverUrlProblem_->isVisible())
        checkServerUrl();
    if (pinProblem_->isVisible())
        checkPin();
    if (originProblem_->isVisible())
        checkOrigin();
    checkModule();
}

void SettingsDialog::load()
{
    const core::settings::ClientSettings& settings = *context_.settings;
    serverUrl_->setText(settings.serverUrl().toString());
    pin_->setText(settings.pinnedCertificateSha256());
    origin_->setText(settings.loginOrigin());
    module_->setText(settings.pkcs11Module());
    const QString preferred = settings.preferredReader();
    if (!preferred.isEmpty())
        addReader(preferred);
    reader_->setCurrentIndex(qMax(0, reader_->findData(preferred)));
    const int language = language_->findData(currentLanguage());
    language_->setCurrentIndex(qMax(0, language));
    logout_->setChecked(settings.logoutOnCardRemoval());
}

void SettingsDialog::addReader(const QString& reader)
{
    if (reader_->findData(reader) < 0)
        reader_->addItem(reader, reader);
}

void SettingsDialog::removeReader(const QString& reader)
{
    // The preferred one stays selectable: it may just be unplugged for now.
    const int index = reader_->findData(reader);
    if (index > 0 && index != reader_->currentIndex())
        reader_->removeItem(index);
}

QString SettingsDialog::chooseModuleFile(const QString& current)
{
    const QString folder
        = current.isEmpty() ? QStringLiteral("/usr/local/lib") : QFileInfo(current).absolutePath();
    return QFileDialog::getOpenFileName(this, tr("選擇 PKCS#11 模組"), folder,
        tr("共用程式庫 (*.so *.so.* *.dylib *.dll);;所有檔案 (*)"));
}

void SettingsDialog::browseModule()
{
    const QString chosen = chooseModuleFile(module_->text());
    if (!chosen.isEmpty())
        module_->setText(chosen);
}

bool SettingsDialog::checkServerUrl()
{
    const ServerUrlProblem problem = ui::checkServerUrl(serverUrl_->text());
    showProblem(serverUrlProblem_, serverUrlProblemText(problem));
    return problem == ServerUrlProblem::None;
}

bool SettingsDialog::checkPin()
{
    const bool ok = normalizedCertificatePin(pin_->text()).has_value();
    showProblem(pinProblem_,
        ok ? QString() : tr("憑證指紋須為 64 個十六進位數字（可用冒號分隔），或不填。"));
    return ok;
}

bool SettingsDialog::checkOrigin()
{
    const bool ok = normalizedLoginOrigin(origin_->text()).has_value();
    showProblem(
        originProblem_, ok ? QString() : tr("須為 https://主機名稱[:埠號]，不含路徑，或不填。"));
    return ok;
}

bool SettingsDialog::checkModule()
{
    const QString path = module_->text().trimmed();
    if (path.isEmpty()) {
        moduleState_->setText(tr("將在 HiCOS 卡片管理工具的預設安裝位置尋找模組。"));
        moduleState_->setStyleSheet(QString());
        return true;
    }
    const QFileInfo file(path);
    const bool ok = file.isFile() && file.isReadable();
    moduleState_->setText(ok ? tr("已找到這個檔案。") : tr("找不到這個檔案，請確認路徑。"));
    moduleState_->setStyleSheet(ok ? QString() : QStringLiteral("color: #a11;"));
    return ok;
}

bool SettingsDialog::save()
{
    // Every check runs, so every problem shows at once.
    const bool urlOk = checkServerUrl();
    const bool pinOk = checkPin();
    const bool originOk = checkOrigin();
    const bool moduleOk = checkModule();
    if (!urlOk || !pinOk || !originOk || !moduleOk)
        return false;
    core::settings::ClientSettings& settings = *context_.settings;
    const QUrl url = normalizedServerUrl(serverUrl_->text());
    if (url != settings.serverUrl())
        settings.setServerUrl(url);
    const QString pin = *normalizedCertificatePin(pin_->text());
    if (pin != settings.pinnedCertificateSha256())
        settings.setPinnedCertificateSha256(pin);
    const QString origin = *normalizedLoginOrigin(origin_->text());
    if (origin != settings.loginOrigin())
        settings.setLoginOrigin(origin);
    const QString module = module_->text().trimmed();
    if (module != settings.pkcs11Module())
        settings.setPkcs11Module(module);
    const QString reader = reader_->currentData().toString();
    if (reader != settings.preferredReader())
        settings.setPreferredReader(reader);
    if (logout_->isChecked() != settings.logoutOnCardRemoval())
        settings.setLogoutOnCardRemoval(logout_->isChecked());
    const QString language = language_->currentData().toString();
    if (language != currentLanguage() || language != settings.language())
        switchLanguage(&settings, language);
    settings.sync();
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ui

#include "ui/settings/moc_settings_dialog.cpp"
