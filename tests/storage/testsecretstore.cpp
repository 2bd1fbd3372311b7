// SPDX-License-Identifier: GPL-3.0-or-later
// QtKeychain for real: run inside a private D-Bus session with an unlocked gnome-keyring
// (tests/support/with-keyring.sh). The fallback paths run with no keychain at all.

#include "storage/secretstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Typebot;
using Status = SecretStore::Status;

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripsThroughKeychain();
    void missingEntryIsNotFound();
    void sessionOnlyWithoutKeychain();
    void optInFileIsOwnerOnly();

private:
    struct Result
    {
        QString secret;
        Status status = Status::Error;
        QString message;
    };
    static Result readKey(SecretStore &store, const QString &key);
    static Result writeKey(SecretStore &store, const QString &key, const QString &secret);
    static Result removeKey(SecretStore &store, const QString &key);
};

// ctest runs this binary twice: the keychain functions inside a private session with
// gnome-keyring, the fallback functions with no session bus at all.
void TestSecretStore::initTestCase() { }

TestSecretStore::Result TestSecretStore::readKey(SecretStore &store, const QString &key)
{
    QSignalSpy spy(&store, &SecretStore::readFinished);
    store.read(key);
    Result r;
    if (!spy.wait(10000))
        return r;
    r.secret = spy.first().at(1).toString();
    r.status = spy.first().at(2).value<Status>();
    r.message = spy.first().at(3).toString();
    return r;
}

TestSecretStore::Result TestSecretStore::writeKey(SecretStore &store, const QString &key,
                                                  const QString &secret)
{
    QSignalSpy spy(&store, &SecretStore::writeFinished);
    store.write(key, secret);
    Result r;
    if (!spy.wait(10000))
        return r;
    r.status = spy.first().at(1).value<Status>();
    r.message = spy.first().at(2).toString();
    return r;
}

TestSecretStore::Result TestSecretStore::removeKey(SecretStore &store, const QString &key)
{
    QSignalSpy spy(&store, &SecretStore::removeFinished);
    store.remove(key);
    Result r;
    if (!spy.wait(10000))
        return r;
    r.status = spy.first().at(1).value<Status>();
    return r;
}

void TestSecretStore::roundTripsThroughKeychain()
{
    SecretStore store(QStringLiteral("typebot-uploader-test"));
    const QString key = SecretStore::tokenKey(QStringLiteral("Prod"));
    const Result written = writeKey(store, key, QStringLiteral("tok-123"));
    QCOMPARE(written.status, Status::Ok);
    // A second store object proves it came from the keychain, not from memory.
    SecretStore other(QStringLiteral("typebot-uploader-test"));
    const Result read = readKey(other, key);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.secret, QStringLiteral("tok-123"));
    QCOMPARE(removeKey(other, key).status, Status::Ok);
    QCOMPARE(readKey(store, key).status, Status::NotFound);
}

void TestSecretStore::missingEntryIsNotFound()
{
    SecretStore store(QStringLiteral("typebot-uploader-test"));
    QCOMPARE(readKey(store, QStringLiteral("profile/none/token")).status, Status::NotFound);
}

void TestSecretStore::sessionOnlyWithoutKeychain()
{
    SecretStore store(QStringLiteral("typebot-uploader-test"));
    const Result written = writeKey(store, QStringLiteral("k"), QStringLiteral("memory-only"));
    QCOMPARE(written.status, Status::SessionOnly);
    QVERIFY(written.message.contains(u"this session only"));
    const Result read = readKey(store, QStringLiteral("k"));
    QCOMPARE(read.status, Status::SessionOnly);
    QCOMPARE(read.secret, QStringLiteral("memory-only"));
    // Another store (another run of the app) does not see it: nothing went to disk.
    SecretStore other(QStringLiteral("typebot-uploader-test"));
    QCOMPARE(readKey(other, QStringLiteral("k")).status, Status::NotFound);
}

void TestSecretStore::optInFileIsOwnerOnly()
{
    QTemporaryDir dir;
    SecretStore store(QStringLiteral("typebot-uploader-test"));
    const QString file = dir.filePath(QStringLiteral("secrets.json"));
    store.setInsecureFallbackFile(file);
    const Result written = writeKey(store, QStringLiteral("k"), QStringLiteral("on-disk"));
    QCOMPARE(written.status, Status::InsecureFile);
    QVERIFY(written.message.contains(file));
    QVERIFY(QFile::exists(file));
    QCOMPARE(QFile::permissions(file)
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                        | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    SecretStore other(QStringLiteral("typebot-uploader-test"));
    other.setInsecureFallbackFile(file);
    const Result read = readKey(other, QStringLiteral("k"));
    QCOMPARE(read.status, Status::InsecureFile);
    QCOMPARE(read.secret, QStringLiteral("on-disk"));
    QCOMPARE(removeKey(other, QStringLiteral("k")).status, Status::InsecureFile);
    QCOMPARE(readKey(store, QStringLiteral("k")).status, Status::NotFound);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "testsecretstore.moc"
