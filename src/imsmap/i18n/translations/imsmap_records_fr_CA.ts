<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AdverseEvent</name>
    <message>
        <source>Bruising</source>
        <translation>Ecchymose</translation>
    </message>
    <message>
        <source>Bleeding</source>
        <translation>Saignement</translation>
    </message>
    <message>
        <source>Post-needling soreness</source>
        <translation>Douleur post-puncture</translation>
    </message>
    <message>
        <source>Dizziness / fainting</source>
        <translation>Étourdissement / évanouissement</translation>
    </message>
    <message>
        <source>Nerve symptoms</source>
        <translation>Symptômes neurologiques</translation>
    </message>
    <message>
        <source>Pneumothorax (suspected)</source>
        <translation>Pneumothorax (soupçonné)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>%(heading)s:</source>
        <translation>%(heading)s&#xa0;:</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s&#xa0;: erreur&#xa0;: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>une valeur est attendue</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins une valeur est attendue</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>au plus une valeur est attendue</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s non valide&#xa0;: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix non valide&#xa0;: %(value)r (choisir parmi %(choices)s)</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont obligatoires&#xa0;: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus&#xa0;: %s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë&#xa0;: %(option)s peut correspondre à %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>non permis avec l&apos;argument %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l&apos;un des arguments %s est obligatoire</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>commande inconnue %(parser_name)r (choix&#xa0;: %(choices)s)</translation>
    </message>
</context>
<context>
    <name>AtlasCommand</name>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>nerve</source>
        <translation>nerf</translation>
    </message>
    <message>
        <source>roots</source>
        <translation>racines</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>profondeur</translation>
    </message>
    <message>
        <source>Muscle catalogue %1: %2 muscles</source>
        <translation>Catalogue des muscles %1&#xa0;: %2 muscles</translation>
    </message>
    <message>
        <source>* dominant root    ! pneumothorax risk (over the thorax or the lung apex)    ? caution (the pleura within reach in part of the muscle or at some levels)</source>
        <translation>* racine dominante    ! risque de pneumothorax (sur le thorax ou l&apos;apex pulmonaire)    ? prudence (la plèvre à portée dans une partie du muscle ou à certains niveaux)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>changed outside imsmap since it was created (its content no longer matches the digest recorded then)</source>
        <translation>modifiée hors d&apos;imsmap depuis sa création (son contenu ne correspond plus à l&apos;empreinte enregistrée alors)</translation>
    </message>
    <message>
        <source>no longer found in the file (its content cannot be shown)</source>
        <translation>introuvable dans le fichier (son contenu ne peut pas être affiché)</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Backed up the clinic server to %1 (pg_dump custom format: %2). Restored into a scratch database to check it: the audit chain (entries: %3) is unbroken and ends in %4.</source>
        <translation>Serveur de la clinique sauvegardé dans %1 (format personnalisé de pg_dump&#xa0;: %2). Restauré dans une base de données temporaire pour le vérifier&#xa0;: la chaîne d&apos;audit (entrées&#xa0;: %3) est intacte et se termine par %4.</translation>
    </message>
    <message>
        <source>Automatic backups of %1: %2.</source>
        <translation>Sauvegardes automatiques de %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Its journal, %1, is not beside it: the records come back as they were when the full backup was made, without what was signed or written after it. If you have the journal, put it in the same folder and restore again.</source>
        <translation>Son journal, %1, n&apos;est pas à côté&#xa0;: les dossiers reviennent tels qu&apos;ils étaient au moment de la sauvegarde complète, sans ce qui a été signé ou saisi après. Si vous avez le journal, mettez-le dans le même répertoire et restaurez de nouveau.</translation>
    </message>
    <message>
        <source>The restored records are those of %1.</source>
        <translation>Les dossiers restaurés sont ceux de %1.</translation>
    </message>
    <message>
        <source>In the restored records: signed sessions: %1, drafts: %2, amendments: %3, photos: %4.</source>
        <translation>Dans les dossiers restaurés&#xa0;: séances signées&#xa0;: %1, brouillons&#xa0;: %2, addenda&#xa0;: %3, photos&#xa0;: %4.</translation>
    </message>
    <message>
        <source>The last signed session: chart %1, signed %2.</source>
        <translation>Dernière séance signée&#xa0;: dossier %1, signée le %2.</translation>
    </message>
    <message>
        <source>Not restored: anything written after %1 (a session started, changed or signed later, a photo added to it); a session that was not signed by then is not in any backup.</source>
        <translation>Non restauré&#xa0;: tout ce qui a été saisi après le %1 (une séance commencée, modifiée ou signée plus tard, une photo qui y a été ajoutée); une séance qui n&apos;était pas signée à ce moment n&apos;est dans aucune sauvegarde.</translation>
    </message>
    <message>
        <source>Not restored: anything written after this backup was made (a session started, changed or signed later, a photo added to it).</source>
        <translation>Non restauré&#xa0;: tout ce qui a été saisi après cette sauvegarde (une séance commencée, modifiée ou signée plus tard, une photo qui y a été ajoutée).</translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s) come back as they were then, not signed: check them before you sign.</source>
        <translation>
            <numerusform>%n séance en brouillon revient telle qu&apos;elle était, non signée&#xa0;: vérifiez-la avant de la signer.</numerusform>
            <numerusform>%n séances en brouillon reviennent telles qu&apos;elles étaient, non signées&#xa0;: vérifiez-les avant de les signer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passed over %1: %2</source>
        <translation>Écartée, %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The newest backup of %1 in %2 that passes the checks: %3, its records as of %4.</source>
        <translation>La sauvegarde la plus récente de %1 dans %2 qui passe les vérifications&#xa0;: %3, ses dossiers en date du %4.</translation>
    </message>
    <message>
        <source>The newest backup in %1 that passes the checks: %2, its records as of %3.</source>
        <translation>La sauvegarde la plus récente de %1 qui passe les vérifications&#xa0;: %2, ses dossiers en date du %3.</translation>
    </message>
    <message>
        <source>It holds the records of %1.</source>
        <translation>Elle contient les dossiers de %1.</translation>
    </message>
    <message>
        <source>Newer backups in the folder, of another database, were not chosen:</source>
        <translation>Des sauvegardes plus récentes du répertoire, d&apos;une autre base de données, n&apos;ont pas été retenues&#xa0;:</translation>
    </message>
    <message>
        <source>Backups of another database in the folder:</source>
        <translation>Sauvegardes d&apos;une autre base de données dans le répertoire&#xa0;:</translation>
    </message>
    <message>
        <source>%1, its records as of %2, backed up from %3</source>
        <translation>%1, ses dossiers en date du %2, faite à partir de %3</translation>
    </message>
    <message>
        <source>%1, its records as of %2</source>
        <translation>%1, ses dossiers en date du %2</translation>
    </message>
    <message>
        <source>To restore one of them in place of %1, name its file: imsmap restore --db %1 --force %2</source>
        <translation>Pour restaurer l&apos;une d&apos;elles à la place de %1, nommez son fichier&#xa0;: imsmap restore --db %1 --force %2</translation>
    </message>
    <message>
        <source>Backed up %1 to:
%2</source>
        <translation>%1 sauvegardé dans&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Restored %1 (%2 patients, %3 sessions) to:
%4</source>
        <translation>%1 restauré (%2 patients, %3 séances) dans&#xa0;:
%4</translation>
    </message>
    <message>
        <source>The empty database it replaced (no patient, no session) was set aside as:
%1</source>
        <translation>La base de données vide remplacée (aucun patient, aucune séance) a été mise de côté sous ce nom&#xa0;:
%1</translation>
    </message>
    <message>
        <source>The database it replaced is kept as:
%1</source>
        <translation>La base de données remplacée est conservée sous ce nom&#xa0;:
%1</translation>
    </message>
    <message>
        <source>It was backed up from:
%1</source>
        <translation>Elle a été faite à partir de&#xa0;:
%1</translation>
    </message>
    <message>
        <source>%1 is a backup of another database than:
%2
It was backed up from:
%3</source>
        <translation>%1 est une sauvegarde d&apos;une autre base de données que&#xa0;:
%2
Elle a été faite à partir de&#xa0;:
%3</translation>
    </message>
    <message>
        <source>%1 is a backup of another database than:
%2</source>
        <translation>%1 est une sauvegarde d&apos;une autre base de données que&#xa0;:
%2</translation>
    </message>
    <message>
        <source>The backup lacks these records of %1: restoring it takes them out of the database (they stay only in the file it keeps aside):</source>
        <translation>La sauvegarde ne contient pas ces dossiers de %1&#xa0;: la restaurer les retire de la base de données (ils ne restent que dans le fichier qu&apos;elle conserve à part)&#xa0;:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Restore the backup? Type %1 to restore it, anything else to stop: </source>
        <translation>Restaurer la sauvegarde? Tapez %1 pour la restaurer, toute autre réponse pour arrêter&#xa0;: </translation>
    </message>
    <message>
        <source>Nothing was restored: %1 is as it was.</source>
        <translation>Rien n&apos;a été restauré&#xa0;: %1 est tel qu&apos;il était.</translation>
    </message>
    <message>
        <source>The database it replaced could not be read to list what the backup lacks; open the file kept aside to see its records.</source>
        <translation>La base de données remplacée n&apos;a pas pu être lue pour énumérer ce qui manque à la sauvegarde; ouvrez le fichier mis de côté pour voir ses dossiers.</translation>
    </message>
    <message>
        <source>Every patient, session and amendment of the replaced database is in the restored one.</source>
        <translation>Chaque patient, séance et addenda de la base de données remplacée se trouve dans celle restaurée.</translation>
    </message>
    <message>
        <source>Not in the restored database (they are only in %1, the file it replaced):</source>
        <translation>Absents de la base de données restaurée (ils ne sont que dans %1, le fichier remplacé)&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n signed session(s):</source>
        <translation>
            <numerusform>%n séance signée&#xa0;:</numerusform>
            <numerusform>%n séances signées&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2, signed %3</source>
        <translation>%1 %2, signée le %3</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s):</source>
        <translation>
            <numerusform>%n addenda&#xa0;:</numerusform>
            <numerusform>%n addendas&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2, %3 (written %4 by %5)</source>
        <translation>%1 %2, %3 (écrit le %4 par %5)</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s):</source>
        <translation>
            <numerusform>%n photo&#xa0;:</numerusform>
            <numerusform>%n photos&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) withdrawn or entered in error (they count again restored):</source>
        <translation>
            <numerusform>%n séance retirée ou consignée par erreur (elle compte de nouveau une fois restaurée)&#xa0;:</numerusform>
            <numerusform>%n séances retirées ou consignées par erreur (elles comptent de nouveau une fois restaurées)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2, %3 (marked %4 by %5)</source>
        <translation>%1 %2, %3 (marquée le %4 par %5)</translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) or separation(s) of patient records (restored, the records read as before them):</source>
        <translation>
            <numerusform>%n fusion ou séparation de dossiers patients (une fois restaurés, les dossiers se lisent comme avant elle)&#xa0;:</numerusform>
            <numerusform>%n fusions ou séparations de dossiers patients (une fois restaurés, les dossiers se lisent comme avant elles)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 merged into %2, %3 (%4 by %5)</source>
        <translation>%1 fusionné dans %2, %3 (le %4 par %5)</translation>
    </message>
    <message>
        <source>%1 separated from %2, %3 (%4 by %5)</source>
        <translation>%1 séparé de %2, %3 (le %4 par %5)</translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s):</source>
        <translation>
            <numerusform>%n séance en brouillon&#xa0;:</numerusform>
            <numerusform>%n séances en brouillon&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft session(s) changed since the backup (restored as they were):</source>
        <translation>
            <numerusform>%n séance en brouillon modifiée depuis la sauvegarde (restaurée telle qu&apos;elle était)&#xa0;:</numerusform>
            <numerusform>%n séances en brouillon modifiées depuis la sauvegarde (restaurées telles qu&apos;elles étaient)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s):</source>
        <translation>
            <numerusform>%n patient&#xa0;:</numerusform>
            <numerusform>%n patients&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) whose details changed since the backup (restored as they were):</source>
        <translation>
            <numerusform>%n patient dont les coordonnées ont changé depuis la sauvegarde (restauré tel qu&apos;il était)&#xa0;:</numerusform>
            <numerusform>%n patients dont les coordonnées ont changé depuis la sauvegarde (restaurés tels qu&apos;ils étaient)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2, added by amendment %3 by %4</source>
        <translation>%1 %2, ajoutée par addenda le %3 par %4</translation>
    </message>
    <message>
        <source>%1 %2, added to the draft %3 by %4, then signed with it</source>
        <translation>%1 %2, ajoutée au brouillon le %3 par %4, puis signée avec lui</translation>
    </message>
    <message>
        <source>%1 %2, added to the draft %3 by %4</source>
        <translation>%1 %2, ajoutée au brouillon le %3 par %4</translation>
    </message>
    <message>
        <source>The backup lacks these records of the %1: restoring it takes them out of the clinic&apos;s database (they stay only in the database it keeps aside on the server):</source>
        <translation>La sauvegarde ne contient pas ces dossiers de la %1&#xa0;: la restaurer les retire de la base de données de la clinique (ils ne restent que dans la base de données qu&apos;elle conserve à part sur le serveur)&#xa0;:</translation>
    </message>
    <message>
        <source>Restored %1 into the clinic server&apos;s database %2 (%3 patients, %4 sessions): checked in a scratch database first, the audit chain of %5 entries unbroken and ending in %6.</source>
        <translation>%1 restauré dans la base de données %2 du serveur de la clinique (patients&#xa0;: %3, séances&#xa0;: %4)&#xa0;: vérifié d&apos;abord dans une base de données temporaire, la chaîne d&apos;audit (entrées&#xa0;: %5) intacte et se terminant par %6.</translation>
    </message>
    <message>
        <source>The backup was made at clinic server schema %1; the restored database was upgraded to clinic server schema %2, as `imsmap server upgrade` does, before it was checked.</source>
        <translation>La sauvegarde a été faite au schéma du serveur de la clinique %1; la base restaurée a été mise à niveau au schéma du serveur de la clinique %2, comme le fait `imsmap server upgrade`, avant d&apos;être vérifiée.</translation>
    </message>
    <message>
        <source>The empty clinic database it replaced (no patient, no session) was set aside on the server as %1.</source>
        <translation>La base de données de clinique vide remplacée (aucun patient, aucune séance) a été mise de côté sur le serveur sous le nom %1.</translation>
    </message>
    <message>
        <source>The database it replaced is kept on the server as %1.</source>
        <translation>La base de données qu&apos;elle remplace est gardée sur le serveur sous le nom %1.</translation>
    </message>
    <message>
        <source>The database it replaced could not be read to list what the backup lacks; examine %1 on the server to see its records.</source>
        <translation>La base de données remplacée n&apos;a pas pu être lue pour énumérer ce qui manque à la sauvegarde; examinez %1 sur le serveur pour voir ses dossiers.</translation>
    </message>
    <message>
        <source>Not in the restored database (they are only in %1, the database it replaced, kept on the server):</source>
        <translation>Absents de la base de données restaurée (ils ne sont que dans %1, la base de données remplacée, gardée sur le serveur)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <source>A FHIR document holds one signed session; choose one signed session, or export a collection.</source>
        <translation>Un document FHIR contient une seule séance signée; choisissez une séance signée, ou exportez une collection.</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>File structure (quick check)</source>
        <translation>Structure du fichier (vérification rapide)</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>Vérification de %1</translation>
    </message>
    <message>
        <source>  ok       %1</source>
        <translation>  ok       %1</translation>
    </message>
    <message>
        <source>  PROBLEM  %2: %1 problem(s)</source>
        <translation>  PROBLÈME %2&#xa0;: %1 problème(s)</translation>
    </message>
    <message>
        <source>           ... and %1 more of this kind</source>
        <translation>           ... et %1 autre(s) de ce genre</translation>
    </message>
    <message>
        <source>All is well.</source>
        <translation>Tout va bien.</translation>
    </message>
    <message>
        <source>%1 problem(s) found; nothing was changed. Keep this database as it is, and restore the latest good backup into a scratch database of its own to compare (createdb clinic_check, then pg_restore -d clinic_check BACKUP): imsmap restore --dsn would put it in this database&apos;s place.</source>
        <translation>%1 problème(s) trouvé(s); rien n&apos;a été modifié. Gardez cette base de données telle quelle et restaurez la dernière bonne sauvegarde dans une base de travail à part pour comparer (createdb clinic_check, puis pg_restore -d clinic_check SAUVEGARDE)&#xa0;: imsmap restore --dsn la mettrait à la place de cette base.</translation>
    </message>
    <message>
        <source>%1 problem(s) found; nothing was changed. Keep this file as it is, and restore the latest good backup into a new file to compare (imsmap restore --db NEW.sqlite3 BACKUP).</source>
        <translation>%1 problème(s) trouvé(s); rien n&apos;a été modifié. Gardez ce fichier tel quel et restaurez la dernière bonne sauvegarde dans un nouveau fichier pour comparer (imsmap restore --db NOUVEAU.sqlite3 SAUVEGARDE).</translation>
    </message>
    <message>
        <source>The first %1 of each kind are listed: imsmap check --all lists every one, --problems-to FILE writes every one to FILE.</source>
        <translation>Les %1 premiers de chaque genre sont énumérés&#xa0;: imsmap check --all les énumère tous, --problems-to FICHIER les écrit tous dans FICHIER.</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (et %1 de plus)</translation>
    </message>
    <message>
        <source>The backup does not pass imsmap&apos;s checks, so nothing was restored: %1%2. Choose an earlier backup; to examine this one, copy the file and open the copy with imsmap check --db COPY.</source>
        <translation>La sauvegarde ne passe pas les vérifications d&apos;imsmap, donc rien n&apos;a été restauré&#xa0;: %1%2. Choisissez une sauvegarde plus ancienne; pour examiner celle-ci, copiez le fichier et ouvrez la copie avec imsmap check --db COPIE.</translation>
    </message>
    <message>
        <source>The backup does not pass imsmap&apos;s checks, so nothing was restored: %1%2. Choose an earlier backup.</source>
        <translation>La sauvegarde ne passe pas les vérifications d&apos;imsmap, donc rien n&apos;a été restauré&#xa0;: %1%2. Choisissez une sauvegarde plus ancienne.</translation>
    </message>
    <message>
        <source>could not be checked: %1</source>
        <translation>vérification impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server&apos;s own check of the audit chain (audit_breaks)</source>
        <translation>Vérification de la chaîne d&apos;audit par le serveur lui-même (audit_breaks)</translation>
    </message>
    <message>
        <source>File structure (integrity check)</source>
        <translation>Structure du fichier (vérification d&apos;intégrité)</translation>
    </message>
    <message>
        <source>References between records (foreign keys)</source>
        <translation>Références entre dossiers (clés étrangères)</translation>
    </message>
    <message>
        <source>Muscles known to the atlas</source>
        <translation>Muscles connus de l&apos;atlas</translation>
    </message>
    <message>
        <source>Signed sessions unchanged since signing</source>
        <translation>Séances signées inchangées depuis la signature</translation>
    </message>
    <message>
        <source>Drafts and sites as their audit trail recorded them</source>
        <translation>Brouillons et points tels que leur piste d&apos;audit les a consignés</translation>
    </message>
    <message>
        <source>Amendments unchanged since written</source>
        <translation>Addendas inchangés depuis leur rédaction</translation>
    </message>
    <message>
        <source>Withdrawals and entered-in-error marks unchanged since written</source>
        <translation>Retraits et marques «&#xa0;consignée par erreur&#xa0;» inchangés depuis leur écriture</translation>
    </message>
    <message>
        <source>Merges and separations of patient records unchanged since written</source>
        <translation>Fusions et séparations de dossiers patients inchangées depuis leur écriture</translation>
    </message>
    <message>
        <source>Photos unchanged since stored</source>
        <translation>Photos inchangées depuis leur enregistrement</translation>
    </message>
    <message>
        <source>Audit trail unbroken</source>
        <translation>Journal d&apos;audit intact</translation>
    </message>
    <message>
        <source>Imported audit trails kept unchanged</source>
        <translation>Journaux d&apos;audit importés conservés intacts</translation>
    </message>
    <message>
        <source>Every record has its audit entry</source>
        <translation>Chaque dossier a son entrée d&apos;audit</translation>
    </message>
    <message>
        <source>Every record the audit trail recorded is still there</source>
        <translation>Chaque dossier consigné au journal d&apos;audit est toujours là</translation>
    </message>
    <message>
        <source>Every change the server recorded has its audit entry</source>
        <translation>Chaque modification consignée par le serveur a son entrée d&apos;audit</translation>
    </message>
    <message>
        <source>muscle %2 is not in atlas version %3 (site(s) %4)</source>
        <translation>le muscle %2 n&apos;est pas dans l&apos;atlas version %3 (point(s) %4)</translation>
    </message>
    <message>
        <source>sites: %1, muscles: %2</source>
        <translation>points&#xa0;: %1, muscles&#xa0;: %2</translation>
    </message>
    <message>
        <source>session %1 (chart %2, %3)</source>
        <translation>séance %1 (dossier %2, %3)</translation>
    </message>
    <message>
        <source>%1 draft(s)</source>
        <translation>%1 brouillon(s)</translation>
    </message>
    <message>
        <source>%1 site(s)</source>
        <translation>%1 point(s)</translation>
    </message>
    <message>
        <source>%1 finding(s), adverse event(s) and photo(s)</source>
        <translation>%1 constat(s), événement(s) indésirable(s) et photo(s)</translation>
    </message>
    <message>
        <source>%1, removed site %2 (%3)</source>
        <translation>%1, point retiré %2 (%3)</translation>
    </message>
    <message>
        <source>%1, site %2 (%3)</source>
        <translation>%1, point %2 (%3)</translation>
    </message>
    <message>
        <source>%1, removed finding %2 (%3)</source>
        <translation>%1, constat retiré %2 (%3)</translation>
    </message>
    <message>
        <source>%1, finding %2 (%3)</source>
        <translation>%1, constat %2 (%3)</translation>
    </message>
    <message>
        <source>%1, removed adverse event %2 (%3)</source>
        <translation>%1, événement indésirable retiré %2 (%3)</translation>
    </message>
    <message>
        <source>%1, adverse event %2 (%3)</source>
        <translation>%1, événement indésirable %2 (%3)</translation>
    </message>
    <message>
        <source>%1, removed photo %2</source>
        <translation>%1, photo retirée %2</translation>
    </message>
    <message>
        <source>%1, photo %2</source>
        <translation>%1, photo %2</translation>
    </message>
    <message>
        <source>session %1 (chart %2, %3, signed by %4 on %5)</source>
        <translation>séance %1 (dossier %2, %3, signée par %4 le %5)</translation>
    </message>
    <message>
        <source>%1 cannot be read back (%2)</source>
        <translation>%1 ne peut pas être relue (%2)</translation>
    </message>
    <message>
        <source>%1 is signed but carries no content hash</source>
        <translation>%1 est signée mais ne porte aucune empreinte de contenu</translation>
    </message>
    <message>
        <source>%1 no longer matches the content hash taken when it was signed: it was changed outside imsmap</source>
        <translation>%1 ne correspond plus à l&apos;empreinte de contenu prise à la signature&#xa0;: elle a été modifiée hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>amendment %1 (session %2, by %3 on %4)</source>
        <translation>addenda %1 (séance %2, par %3 le %4)</translation>
    </message>
    <message>
        <source>session %1: %2 row %3 was added by %4 on %5 with no audit entry (written around imsmap)</source>
        <translation>séance %1&#xa0;: la ligne %3 de %2 a été ajoutée par %4 le %5 sans entrée d&apos;audit (écrite hors d&apos;imsmap)</translation>
    </message>
    <message>
        <source>session %1: %2 row %3 was changed by %4 on %5 with no audit entry (written around imsmap)</source>
        <translation>séance %1&#xa0;: la ligne %3 de %2 a été modifiée par %4 le %5 sans entrée d&apos;audit (écrite hors d&apos;imsmap)</translation>
    </message>
    <message>
        <source>the server&apos;s own record of writes</source>
        <translation>le registre des écritures tenu par le serveur lui-même</translation>
    </message>
    <message>
        <source>%1 signed session(s)</source>
        <translation>%1 séance(s) signée(s)</translation>
    </message>
    <message>
        <source>%1; the records cannot be counted (%2)</source>
        <translation>%1; les dossiers ne peuvent pas être comptés (%2)</translation>
    </message>
    <message>
        <source>%1: patients: %2, sessions: %3, sites: %4, amendments: %5, audit entries: %6</source>
        <translation>%1&#xa0;: patients&#xa0;: %2, séances&#xa0;: %3, points&#xa0;: %4, addendas&#xa0;: %5, entrées d&apos;audit&#xa0;: %6</translation>
    </message>
    <message>
        <source>%1 amendment(s)</source>
        <translation>%1 addenda(s)</translation>
    </message>
    <message>
        <source>withdrawal or entered-in-error mark %1 (session %2, by %3 on %4): %5</source>
        <translation>retrait ou marque d&apos;erreur %1 (séance %2, par %3 le %4)&#xa0;: %5</translation>
    </message>
    <message>
        <source>%1 withdrawn or entered-in-error session(s)</source>
        <translation>Séances retirées ou consignées par erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>merge of patient records %1 (patient %2 into %3, by %4 on %5): %6</source>
        <translation>fusion de dossiers patients %1 (patient %2 dans %3, par %4 le %5)&#xa0;: %6</translation>
    </message>
    <message>
        <source>%1 merge(s) and separation(s) of patient records</source>
        <translation>Fusions et séparations de dossiers patients&#xa0;: %1</translation>
    </message>
    <message>
        <source>entries: %1</source>
        <translation>entrées&#xa0;: %1</translation>
    </message>
    <message>
        <source>audit entry %1: %2</source>
        <translation>entrée d&apos;audit %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>recomputed by the server</source>
        <translation>recalculée par le serveur</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>print the versions of imsmap, its atlas and its database schema, and exit</source>
        <translation>afficher les versions d&apos;imsmap, de son atlas et du schéma de sa base de données, puis quitter</translation>
    </message>
    <message>
        <source>imsmap %1
atlas %2
file schema %3
clinic server schema %4</source>
        <translation>imsmap %1
atlas %2
schéma de fichier %3
schéma du serveur de la clinique %4</translation>
    </message>
    <message>
        <source>Body-chart documentation of IMS (intramuscular stimulation) sessions.</source>
        <translation>Documentation sur schémas corporels des séances de SIM (stimulation intramusculaire).</translation>
    </message>
    <message>
        <source>open the demo clinic: its own database, created on first use, apart from real records</source>
        <translation>ouvrir la clinique de démonstration&#xa0;: sa propre base de données, créée à la première utilisation, à l&apos;écart des vrais dossiers</translation>
    </message>
    <message>
        <source>--demo opens the demo clinic&apos;s own database; leave out --db and --dsn</source>
        <translation>--demo ouvre la base de données propre à la clinique de démonstration; omettez --db et --dsn</translation>
    </message>
    <message>
        <source>imsmap: %1</source>
        <translation>imsmap&#xa0;: %1</translation>
    </message>
    <message>
        <source>list the muscle catalogue (nerves, roots, pneumothorax risk)</source>
        <translation>lister le catalogue des muscles (nerfs, racines, risque de pneumothorax)</translation>
    </message>
    <message>
        <source>List the muscle catalogue, or draw preview images of the chart views.</source>
        <translation>Lister le catalogue des muscles, ou dessiner des images d&apos;aperçu des vues de schéma.</translation>
    </message>
    <message>
        <source>preview: write an image of every chart view to --out DIR</source>
        <translation>aperçu&#xa0;: écrire une image de chaque vue de schéma dans --out RÉPERTOIRE</translation>
    </message>
    <message>
        <source>print the catalogue and views as JSON</source>
        <translation>afficher le catalogue et les vues en JSON</translation>
    </message>
    <message>
        <source>folder for the preview images</source>
        <translation>répertoire des images d&apos;aperçu</translation>
    </message>
    <message>
        <source>copy the database safely, even while imsmap is open</source>
        <translation>copier la base de données en toute sécurité, même pendant qu&apos;imsmap est ouvert</translation>
    </message>
    <message>
        <source>Copy the database into a backup file with SQLite&apos;s online backup. Without --out: a full, compressed backup in the backup folder, with a journal that the window adds to at each signature; the folder keeps the newest full backups (3 unless set) with their journals. --full-every-days and --keep-fulls set that policy and make no backup. With --dsn: the clinic server&apos;s database with pg_dump -Fc into --out, checked by a restore into a scratch database (audit chain, counts) before it is kept.</source>
        <translation>Copier la base de données dans un fichier de sauvegarde avec la sauvegarde en ligne de SQLite. Sans --out&#xa0;: une sauvegarde complète et compressée dans le répertoire des sauvegardes, avec un journal que la fenêtre complète à chaque signature; le répertoire garde les sauvegardes complètes les plus récentes (3 sauf réglage contraire) avec leurs journaux. --full-every-days et --keep-fulls règlent cette politique et ne font aucune sauvegarde. Avec --dsn&#xa0;: la base de données du serveur de la clinique avec pg_dump -Fc dans --out, vérifiée par une restauration dans une base de données temporaire (chaîne d&apos;audit, nombres) avant d&apos;être conservée.</translation>
    </message>
    <message>
        <source>the new backup file (refused if it exists)</source>
        <translation>le nouveau fichier de sauvegarde (refusé s&apos;il existe)</translation>
    </message>
    <message>
        <source>make a new full backup when the newest is N days old (default 7)</source>
        <translation>faire une nouvelle sauvegarde complète quand la plus récente date de N jours (7 par défaut)</translation>
    </message>
    <message>
        <source>keep the newest N full backups with their journals (default 3)</source>
        <translation>garder les N sauvegardes complètes les plus récentes avec leurs journaux (3 par défaut)</translation>
    </message>
    <message>
        <source>replace the database with a checked backup</source>
        <translation>remplacer la base de données par une sauvegarde vérifiée</translation>
    </message>
    <message>
        <source>Check a backup (integrity, an imsmap database, a schema this imsmap reads), then put it in place of the database in one step. The database it replaces is kept beside it under a new name. With --dsn: a clinic server&apos;s backup (imsmap backup --dsn) restored into a scratch database on the server and checked there, then given the database&apos;s name; the database it replaces is kept on the server under a new name.</source>
        <translation>Vérifier une sauvegarde (intégrité, une base de données imsmap, un schéma que cet imsmap lit), puis la mettre à la place de la base de données en une seule étape. La base de données qu&apos;elle remplace est gardée à côté sous un nouveau nom. Avec --dsn&#xa0;: la sauvegarde d&apos;un serveur de clinique (imsmap backup --dsn) restaurée dans une base de données temporaire sur le serveur et vérifiée là, puis renommée comme la base de données; celle qu&apos;elle remplace est gardée sur le serveur sous un nouveau nom.</translation>
    </message>
    <message>
        <source>the backup file to restore, or the folder of backups (its newest that passes the checks; over records that have backed up, the newest of their own)</source>
        <translation>le fichier de sauvegarde à restaurer, ou le répertoire des sauvegardes (sa plus récente qui passe les vérifications; pour des dossiers déjà sauvegardés, la plus récente des leurs)</translation>
    </message>
    <message>
        <source>replace an existing database (it is kept aside, never deleted)</source>
        <translation>remplacer une base de données existante (elle est mise de côté, jamais supprimée)</translation>
    </message>
    <message>
        <source>check the database: file integrity, signatures, audit trail</source>
        <translation>vérifier la base de données&#xa0;: intégrité du fichier, signatures, journal d&apos;audit</translation>
    </message>
    <message>
        <source>Check the database without changing it: SQLite&apos;s integrity and foreign key checks, muscles the atlas knows, signed sessions unchanged since signing, and the audit trail unbroken. Exit status 0: all is well; 1: problems found (all listed); 2: the file cannot be used.</source>
        <translation>Vérifier la base de données sans la modifier&#xa0;: contrôles d&apos;intégrité et de clés étrangères de SQLite, muscles connus de l&apos;atlas, séances signées inchangées depuis la signature et journal d&apos;audit intact. Code de sortie 0&#xa0;: tout va bien; 1&#xa0;: problèmes trouvés (tous listés); 2&#xa0;: le fichier est inutilisable.</translation>
    </message>
    <message>
        <source>only SQLite&apos;s quick check of the file&apos;s structure</source>
        <translation>seulement la vérification rapide de la structure du fichier par SQLite</translation>
    </message>
    <message>
        <source>list every problem (by default the first ten of each kind, and how many more there are)</source>
        <translation>énumérer tous les problèmes (par défaut les dix premiers de chaque genre, et combien il y en a d&apos;autres)</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>also write every problem to FILE, one a line, as it is found</source>
        <translation>écrire aussi chaque problème dans FICHIER, un par ligne, à mesure qu&apos;il est trouvé</translation>
    </message>
    <message>
        <source>replace the --problems-to FILE if it exists</source>
        <translation>remplacer le FICHIER de --problems-to s&apos;il existe</translation>
    </message>
    <message>
        <source>the database file (default: $IMSMAP_DB, else imsmap.sqlite3 in your data folder)</source>
        <translation>le fichier de la base de données (par défaut&#xa0;: $IMSMAP_DB, sinon imsmap.sqlite3 dans votre répertoire de données)</translation>
    </message>
    <message>
        <source>%1 is not %2 (a number).</source>
        <translation>%1 n&apos;est pas %2 (un nombre).</translation>
    </message>
    <message>
        <source>%1 is not %2 (a positive number).</source>
        <translation>%1 n&apos;est pas %2 (un nombre positif).</translation>
    </message>
    <message>
        <source>Give either --patient ID or --chart NUMBER, not both.</source>
        <translation>Indiquez soit --patient NUMÉRO, soit --chart NUMÉRO_DOSSIER, mais pas les deux.</translation>
    </message>
    <message>
        <source>No patient has the chart number %1.</source>
        <translation>Aucun patient n&apos;a le numéro de dossier %1.</translation>
    </message>
    <message>
        <source>%1 %2 is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20.</source>
        <translation>%1 %2 n&apos;est pas une date; écrivez-la AAAA-MM-JJ, p. ex. 2026-11-20.</translation>
    </message>
    <message>
        <source>a clinic server&apos;s database in place of --db: a libpq DSN such as postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full (the password from PGPASSFILE or ~/.pgpass, PGPASSWORD or a service file, else asked for)</source>
        <translation>la base de données d&apos;un serveur de clinique au lieu de --db&#xa0;: un DSN libpq comme postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full (le mot de passe vient de PGPASSFILE ou ~/.pgpass, de PGPASSWORD ou d&apos;un fichier de service, sinon il est demandé)</translation>
    </message>
    <message>
        <source>create a demo clinic (fictional patients and sessions) in a new file</source>
        <translation>créer une clinique de démonstration (patients et séances fictifs) dans un nouveau fichier</translation>
    </message>
    <message>
        <source>Create a demo clinic with fictional patients, weekly IMS sessions, signed notes and amendments, in a new database file. An existing file is never overwritten.</source>
        <translation>Créer une clinique de démonstration avec des patients fictifs, des séances de SIM hebdomadaires, des notes signées et des addendas, dans un nouveau fichier de base de données. Un fichier existant n&apos;est jamais écrasé.</translation>
    </message>
    <message>
        <source>the language the demo&apos;s notes are written in (default: the system&apos;s)</source>
        <translation>la langue des notes de la démonstration (par défaut&#xa0;: celle du système)</translation>
    </message>
    <message>
        <source>export patients, sessions, sites and the audit trail as JSON (or a CSV of insertions, or a FHIR R4 Bundle)</source>
        <translation>exporter les patients, les séances, les points et le journal d&apos;audit en JSON (ou un CSV des insertions, ou un Bundle FHIR R4)</translation>
    </message>
    <message>
        <source>Export the whole record (or chosen sessions) as one JSON document (docs/export-format.md), a CSV of insertions (--csv), or an HL7 FHIR R4 Bundle (--fhir, docs/fhir.md).</source>
        <translation>Exporter tout le dossier (ou des séances choisies) en un document JSON (docs/export-format.md), un CSV des insertions (--csv) ou un Bundle HL7 FHIR R4 (--fhir, docs/fhir.md).</translation>
    </message>
    <message>
        <source>write to FILE instead of standard output</source>
        <translation>écrire dans FICHIER plutôt que sur la sortie standard</translation>
    </message>
    <message>
        <source>replace FILE if it exists already</source>
        <translation>remplacer FICHIER s&apos;il existe déjà</translation>
    </message>
    <message>
        <source>write one CSV row per needle insertion, without names or identifiers, for research (docs/export-format.md)</source>
        <translation>écrire une ligne CSV par insertion d&apos;aiguille, sans noms ni identifiants, pour la recherche (docs/export-format.md)</translation>
    </message>
    <message>
        <source>write an HL7 FHIR R4 Bundle; one signed --session is a FHIR document with its PDF/A (docs/fhir.md)</source>
        <translation>écrire un Bundle HL7 FHIR R4; une seule --session signée donne un document FHIR avec son PDF/A (docs/fhir.md)</translation>
    </message>
    <message>
        <source>export only this session (repeat for more)</source>
        <translation>exporter seulement cette séance (répéter pour d&apos;autres)</translation>
    </message>
    <message>
        <source>with --fhir: this patient&apos;s sessions</source>
        <translation>avec --fhir&#xa0;: les séances de ce patient</translation>
    </message>
    <message>
        <source>with --fhir: the sessions of the patient with this chart number (in place of --patient)</source>
        <translation>avec --fhir&#xa0;: les séances du patient qui a ce numéro de dossier (au lieu de --patient)</translation>
    </message>
    <message>
        <source>with --fhir and --to: sessions started on or after DATE (YYYY-MM-DD)</source>
        <translation>avec --fhir et --to&#xa0;: les séances commencées le DATE ou après (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>... and on or before DATE (YYYY-MM-DD)</source>
        <translation>... et le DATE ou avant (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>import the records of an imsmap export file</source>
        <translation>importer les dossiers d&apos;un fichier d&apos;exportation imsmap</translation>
    </message>
    <message>
        <source>Import the patients, sessions, sites and amendments of an imsmap export (JSON) file. The whole file is checked first and imported in one step, or not at all. Signed sessions stay signed with their original signature.</source>
        <translation>Importer les patients, séances, points et addendas d&apos;un fichier d&apos;exportation imsmap (JSON). Tout le fichier est d&apos;abord vérifié, puis importé en une seule étape, ou pas du tout. Les séances signées restent signées avec leur signature d&apos;origine.</translation>
    </message>
    <message>
        <source>the export file (.json)</source>
        <translation>le fichier d&apos;exportation (.json)</translation>
    </message>
    <message>
        <source>attach a photo to a session</source>
        <translation>joindre une photo à une séance</translation>
    </message>
    <message>
        <source>Clinical photos of a session. The photo is stored upright, without its metadata (GPS position, device serials, maker notes), re-encoded and at most 2048 px on its long side; its sha256 enters the audit trail.</source>
        <translation>Photos cliniques d&apos;une séance. La photo est conservée redressée, sans ses métadonnées (position GPS, numéros de série de l&apos;appareil, notes du fabricant), réencodée et d&apos;au plus 2048 px sur son grand côté; son sha256 entre au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>attach a photo file to a draft session</source>
        <translation>joindre un fichier photo à une séance en brouillon</translation>
    </message>
    <message>
        <source>Attach a photo (JPEG, PNG, WebP, TIFF, BMP or GIF) to a draft session.</source>
        <translation>Joindre une photo (JPEG, PNG, WebP, TIFF, BMP ou GIF) à une séance en brouillon.</translation>
    </message>
    <message>
        <source>the session&apos;s id</source>
        <translation>le numéro de la séance</translation>
    </message>
    <message>
        <source>a caption for the photo</source>
        <translation>une légende pour la photo</translation>
    </message>
    <message>
        <source>a site number</source>
        <translation>un numéro de point</translation>
    </message>
    <message>
        <source>the number of the chart site the photo shows, as the window and the session&apos;s PDF number its sites</source>
        <translation>le numéro du point du schéma que montre la photo, tel que la fenêtre et le PDF de la séance numérotent ses points</translation>
    </message>
    <message>
        <source>add the photo to a signed session by an amendment giving this reason (who and when are recorded with it)</source>
        <translation>ajouter la photo à une séance signée par un addenda donnant ce motif (qui et quand y sont consignés)</translation>
    </message>
    <message>
        <source>the photo file</source>
        <translation>le fichier photo</translation>
    </message>
    <message>
        <source>set up a clinic server (PostgreSQL) and move a clinic onto it</source>
        <translation>installer un serveur de clinique (PostgreSQL) et y transférer une clinique</translation>
    </message>
    <message>
        <source>The clinic server: PostgreSQL 15 or newer, reached with a libpq DSN (docs/clinic-server.md). Passwords never go on the command line.</source>
        <translation>Le serveur de la clinique&#xa0;: PostgreSQL 15 ou plus récent, joint par un DSN libpq (docs/clinic-server.md). Les mots de passe ne vont jamais sur la ligne de commande.</translation>
    </message>
    <message>
        <source>set up an empty database: the owner and group roles, the schema</source>
        <translation>préparer une base de données vide&#xa0;: les rôles propriétaire et de groupe, le schéma</translation>
    </message>
    <message>
        <source>Create imsmap&apos;s owner role, its group roles (practitioner, reception, admin) and its schema on an EMPTY database; run it as the server&apos;s superuser. A database that holds anything is refused.</source>
        <translation>Créer le rôle propriétaire d&apos;imsmap, ses rôles de groupe (practitioner, reception, admin) et son schéma dans une base de données VIDE; à exécuter en tant que superutilisateur du serveur. Une base de données qui contient quoi que ce soit est refusée.</translation>
    </message>
    <message>
        <source>give a person their own login in a group role</source>
        <translation>donner à une personne sa propre connexion dans un rôle de groupe</translation>
    </message>
    <message>
        <source>Create a login for one person, a member of one group role. The password is asked for (twice), or read as one line from standard input when that is not a terminal; it never goes on the command line.</source>
        <translation>Créer une connexion pour une personne, membre d&apos;un rôle de groupe. Le mot de passe est demandé (deux fois), ou lu en une ligne sur l&apos;entrée standard quand ce n&apos;est pas un terminal; il ne va jamais sur la ligne de commande.</translation>
    </message>
    <message>
        <source>the login name, e.g. anna.nguyen</source>
        <translation>le nom de connexion, p. ex. anna.nguyen</translation>
    </message>
    <message>
        <source>the person&apos;s group</source>
        <translation>le groupe de la personne</translation>
    </message>
    <message>
        <source>move a single-PC clinic&apos;s database onto the server, all or nothing</source>
        <translation>transférer la base de données d&apos;une clinique à poste unique sur le serveur, tout ou rien</translation>
    </message>
    <message>
        <source>Copy every record of a single-PC database file onto a newly initialised server in one transaction, then compare every row, the signatures and the audit chain with the file before committing. The file is only read.</source>
        <translation>Copier chaque dossier d&apos;un fichier de base de données à poste unique sur un serveur nouvellement initialisé en une transaction, puis comparer chaque ligne, les signatures et la chaîne d&apos;audit avec le fichier avant de valider. Le fichier est seulement lu.</translation>
    </message>
    <message>
        <source>bring the server&apos;s imsmap schema up to this imsmap&apos;s</source>
        <translation>mettre le schéma imsmap du serveur à niveau avec celui de cet imsmap</translation>
    </message>
    <message>
        <source>Apply the schema migrations this imsmap brings to a clinic&apos;s server, each in one transaction, keeping every record; run it as the server&apos;s superuser once this imsmap is installed, before the rooms use it.</source>
        <translation>Appliquer au serveur d&apos;une clinique les migrations de schéma qu&apos;apporte cet imsmap, chacune en une transaction, en gardant chaque dossier; à lancer comme superutilisateur du serveur une fois cet imsmap installé, avant que les salles s&apos;en servent.</translation>
    </message>
    <message>
        <source>the server&apos;s database as a libpq DSN, e.g. postgresql://postgres@db.clinic.lan/clinic?sslmode=verify-full (default: the one used last)</source>
        <translation>la base de données du serveur comme DSN libpq, p. ex. postgresql://postgres@db.clinic.lan/clinic?sslmode=verify-full (par défaut&#xa0;: la dernière utilisée)</translation>
    </message>
</context>
<context>
    <name>CliAtlas</name>
    <message>
        <source>imsmap atlas preview needs a folder: add --out DIR.</source>
        <translation>imsmap atlas preview a besoin d&apos;un répertoire&#xa0;: ajoutez --out RÉPERTOIRE.</translation>
    </message>
    <message>
        <source>--out is only used with &apos;imsmap atlas preview&apos;.</source>
        <translation>--out ne sert qu&apos;avec «&#xa0;imsmap atlas preview&#xa0;».</translation>
    </message>
    <message>
        <source>Chart previews are not available in this version of imsmap.</source>
        <translation>Les aperçus des schémas ne sont pas offerts dans cette version d&apos;imsmap.</translation>
    </message>
    <message>
        <source>%1 is a file; give --out a folder for the images.</source>
        <translation>%1 est un fichier; donnez à --out un répertoire pour les images.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The chart previews could not all be written to %1 (%2).</source>
        <translation>Les aperçus des schémas n&apos;ont pas tous pu être écrits dans %1 (%2).</translation>
    </message>
</context>
<context>
    <name>CliBackup</name>
    <message>
        <source>A clinic server is backed up into one file: give --out FILE (the automatic backups&apos; policy is the single-PC file&apos;s).</source>
        <translation>Un serveur de clinique est sauvegardé dans un seul fichier&#xa0;: donnez --out FICHIER (la politique des sauvegardes automatiques est celle du fichier à poste unique).</translation>
    </message>
</context>
<context>
    <name>CliCommon</name>
    <message>
        <source>Give --db (a file on this computer) or --dsn (a clinic server), not both.</source>
        <translation>Donnez --db (un fichier sur cet ordinateur) ou --dsn (un serveur de clinique), pas les deux.</translation>
    </message>
    <message>
        <source>The clinic server asks for %1&apos;s password and none was found; nothing was opened. Keep it in a password file (PGPASSFILE, or ~/.pgpass) or run the command in a terminal.</source>
        <translation>Le serveur de la clinique demande le mot de passe de %1 et aucun n&apos;a été trouvé; rien n&apos;a été ouvert. Gardez-le dans un fichier de mots de passe (PGPASSFILE, ou ~/.pgpass) ou lancez la commande dans un terminal.</translation>
    </message>
    <message>
        <source>Password for %1 on the clinic server: </source>
        <translation>Mot de passe de %1 sur le serveur de la clinique&#xa0;: </translation>
    </message>
</context>
<context>
    <name>CliExport</name>
    <message>
        <source>--csv exports every session; leave out --session.</source>
        <translation>--csv exporte toutes les séances; retirez --session.</translation>
    </message>
    <message>
        <source>Exported a FHIR bundle to %1.</source>
        <translation>Bundle FHIR exporté dans %1.</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté dans %1.</translation>
    </message>
    <message>
        <source>The export could not be written to standard output (%1).</source>
        <translation>L&apos;exportation n&apos;a pas pu être écrite sur la sortie standard (%1).</translation>
    </message>
    <message>
        <source>%1 is empty; it is not an imsmap database.</source>
        <translation>%1 est vide; ce n&apos;est pas une base de données imsmap.</translation>
    </message>
</context>
<context>
    <name>CliExportFhir</name>
    <message>
        <source>--patient, --from and --to choose what a FHIR export holds; add --fhir.</source>
        <translation>--patient, --from et --to choisissent le contenu d&apos;une exportation FHIR; ajoutez --fhir.</translation>
    </message>
    <message>
        <source>Choose one of --csv and --fhir.</source>
        <translation>Choisissez une seule option entre --csv et --fhir.</translation>
    </message>
    <message>
        <source>Choose the sessions one way: --patient ID, --from DATE --to DATE, or --session ID.</source>
        <translation>Choisissez les séances d&apos;une seule façon&#xa0;: --patient NUMÉRO, --from DATE --to DATE, ou --session NUMÉRO.</translation>
    </message>
    <message>
        <source>A date range needs both --from DATE and --to DATE.</source>
        <translation>Une période demande à la fois --from DATE et --to DATE.</translation>
    </message>
    <message>
        <source>--to %1 is before --from %2; give the earlier date first.</source>
        <translation>--to %1 est antérieur à --from %2; donnez d&apos;abord la date la plus ancienne.</translation>
    </message>
    <message>
        <source>%1 (chart %2) has no sessions to export; nothing was written.</source>
        <translation>%1 (dossier %2) n&apos;a aucune séance à exporter; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>No sessions started between %1 and %2; nothing was written.</source>
        <translation>Aucune séance n&apos;a commencé entre le %1 et le %2; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Session %1 is not signed: exported as a collection, without a PDF.</source>
        <translation>La séance %1 n&apos;est pas signée&#xa0;: exportée comme collection, sans PDF.</translation>
    </message>
</context>
<context>
    <name>CliPhoto</name>
    <message>
        <source>Session %1 was signed by %2 and is locked: a photo is added to it only by an amendment. Give its reason with --amend &quot;REASON&quot; (for example --amend &quot;Bruise at site 3 the next morning&quot;). Nothing was added.</source>
        <translation>La séance %1 a été signée par %2 et est verrouillée&#xa0;: une photo n&apos;y est ajoutée que par un addenda. Donnez-en le motif avec --amend &quot;MOTIF&quot; (par exemple --amend &quot;Ecchymose au point 3 le lendemain matin&quot;). Rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>Photo %1 added to session %2: %3x%4 %5, %6 KB, sha256 %7.</source>
        <translation>Photo %1 ajoutée à la séance %2&#xa0;: %3x%4 %5, %6 Ko, sha256 %7.</translation>
    </message>
    <message>
        <source>Added by amendment %1 (%2, %3): %4</source>
        <translation>Ajoutée par l&apos;addenda %1 (%2, %3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>Session %1 has no site %2; give the number of one of its chart sites (%3).</source>
        <translation>La séance %1 n&apos;a pas de point %2; donnez le numéro de l&apos;un de ses points du schéma (%3).</translation>
    </message>
    <message>
        <source>it has none</source>
        <translation>elle n&apos;en a aucun</translation>
    </message>
</context>
<context>
    <name>CliProgress</name>
    <message>
        <source>Upgrading %1 from schema %2 to %3 (Ctrl+C stops it; nothing is lost)</source>
        <translation>Mise à niveau de %1 du schéma %2 au schéma %3 (Ctrl+C l&apos;arrête; rien n&apos;est perdu)</translation>
    </message>
    <message>
        <source>The file as it was (schema %1) is kept in %2: the earlier imsmap can still open that copy.</source>
        <translation>Le fichier tel qu&apos;il était (schéma %1) est conservé dans %2&#xa0;: la version antérieure d&apos;imsmap peut toujours ouvrir cette copie.</translation>
    </message>
</context>
<context>
    <name>CliServer</name>
    <message>
        <source>Give the server&apos;s database with --dsn (for example postgresql://postgres@db.clinic.lan/clinic); none was used before.</source>
        <translation>Donnez la base de données du serveur avec --dsn (par exemple postgresql://postgres@db.clinic.lan/clinic); aucune n&apos;a été utilisée auparavant.</translation>
    </message>
    <message>
        <source>Database %1 is set up for imsmap (clinic server schema %2), with the group roles imsmap_practitioner, imsmap_reception and imsmap_admin.
Connection settings (no password) kept in %3.
Next: imsmap server add-user --name LOGIN --role practitioner|reception|admin</source>
        <translation>La base de données %1 est prête pour imsmap (schéma du serveur de la clinique %2), avec les rôles de groupe imsmap_practitioner, imsmap_reception et imsmap_admin.
Paramètres de connexion (sans mot de passe) conservés dans %3.
Étape suivante&#xa0;: imsmap server add-user --name IDENTIFIANT --role practitioner|reception|admin</translation>
    </message>
    <message>
        <source>No password was given: run add-user in a terminal, or pipe the password into it.</source>
        <translation>Aucun mot de passe n&apos;a été donné&#xa0;: lancez add-user dans un terminal, ou transmettez-lui le mot de passe par un tube.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Mot de passe de %1&#xa0;: </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Le même mot de passe, à nouveau&#xa0;: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Les deux mots de passe diffèrent; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 can now sign in to the clinic server as a member of %2.</source>
        <translation>%1 peut maintenant se connecter au serveur de la clinique comme membre de %2.</translation>
    </message>
    <message>
        <source>%1 has problems (%2; `imsmap check --db %1` lists them); a clinic is moved only when its records check. Nothing was moved.</source>
        <translation>%1 a des problèmes (%2; «&#xa0;imsmap check --db %1&#xa0;» les énumère); une clinique n&apos;est déplacée que si ses dossiers passent la vérification. Rien n&apos;a été déplacé.</translation>
    </message>
    <message>
        <source>Moved %1 onto the server: %2.
Every row compared with the file; signatures matching their audit entries: %3; the audit chain (entries: %4) is unbroken and ends in the file&apos;s link %5. The file is unchanged.</source>
        <translation>%1 déplacé sur le serveur&#xa0;: %2.
Chaque ligne comparée avec le fichier; signatures conformes à leurs entrées d&apos;audit&#xa0;: %3; la chaîne d&apos;audit (entrées&#xa0;: %4) est intacte et se termine par le maillon %5 du fichier. Le fichier est inchangé.</translation>
    </message>
    <message>
        <source>Database %1 is at clinic server schema %2 already; nothing was changed.</source>
        <translation>La base de données %1 est déjà au schéma du serveur de la clinique %2; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Database %1 upgraded from clinic server schema %2 to %3; every record kept.</source>
        <translation>La base de données %1 est passée du schéma du serveur de la clinique %2 au schéma %3; chaque dossier a été gardé.</translation>
    </message>
</context>
<context>
    <name>Clinic</name>
    <message>
        <source>The records language %1 is not one of %2.</source>
        <translation>La langue des dossiers %1 n&apos;est pas l&apos;une de celles-ci&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The clinic&apos;s %1 changed in another window or program after you opened the settings, so your changes were not saved; nothing was overwritten. Close the settings and open them again to see them as they are now.</source>
        <translation>Une autre fenêtre ou un autre programme a modifié les paramètres de la clinique (%1) après l&apos;ouverture des paramètres; vos modifications n&apos;ont donc pas été enregistrées et rien n&apos;a été écrasé. Fermez les paramètres et rouvrez-les pour les voir tels qu&apos;ils sont maintenant.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>logo</translation>
    </message>
    <message>
        <source>practitioners</source>
        <translation>praticiens</translation>
    </message>
    <message>
        <source>needle presets</source>
        <translation>aiguilles prédéfinies</translation>
    </message>
    <message>
        <source>default needle</source>
        <translation>aiguille par défaut</translation>
    </message>
    <message>
        <source>grasp labels</source>
        <translation>libellés de préhension</translation>
    </message>
    <message>
        <source>paper size</source>
        <translation>format du papier</translation>
    </message>
    <message>
        <source>photos in the PDF</source>
        <translation>photos dans le PDF</translation>
    </message>
    <message>
        <source>backup folder</source>
        <translation>répertoire de sauvegarde</translation>
    </message>
    <message>
        <source>records language</source>
        <translation>langue des dossiers</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 figure deux fois dans la liste.</translation>
    </message>
    <message>
        <source>The login %1 is given to both %2 and %3, but a login names one person. Where practitioners share a login, leave theirs empty.</source>
        <translation>L&apos;identifiant %1 est attribué à la fois à %2 et à %3, mais un identifiant désigne une seule personne. Si des praticiens partagent un identifiant, laissez ce champ vide pour chacun d&apos;eux.</translation>
    </message>
    <message>
        <source>A needle preset needs a diameter and a length.</source>
        <translation>Un préréglage d&apos;aiguille demande un diamètre et une longueur.</translation>
    </message>
    <message>
        <source>There must be %1 grasp labels (grades 0–3).</source>
        <translation>Il faut %1 libellés de prise (grades 0 à 3).</translation>
    </message>
    <message>
        <source>Paper size %1 is not A4 or Letter.</source>
        <translation>Le format de papier %1 n&apos;est ni A4 ni Lettre.</translation>
    </message>
    <message>
        <source>The backup folder must be a full path, e.g. /home/clinic/imsmap-backups.</source>
        <translation>Le répertoire des sauvegardes doit être un chemin complet, p. ex. /home/clinique/imsmap-sauvegardes.</translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist; create it first.</source>
        <translation>Le répertoire des sauvegardes %1 n&apos;existe pas; créez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written to.</source>
        <translation>Impossible d&apos;écrire dans le répertoire des sauvegardes %1.</translation>
    </message>
    <message>
        <source>The logo is %1 KB; the limit is %2 KB.</source>
        <translation>Le logo fait %1 Ko; la limite est de %2 Ko.</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image.</source>
        <translation>Le logo doit être une image PNG ou JPEG.</translation>
    </message>
    <message>
        <source>%1 is the imsmap database or one of its own files, not a logo.</source>
        <translation>%1 est la base de données d&apos;imsmap ou l&apos;un de ses propres fichiers, pas un logo.</translation>
    </message>
    <message>
        <source>The logo %1 cannot be read (%2).</source>
        <translation>Le logo %1 ne peut pas être lu (%2).</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>This patient&apos;s %1 changed in another window or program%2 after you began editing, so your change was not saved; nothing was overwritten.</source>
        <translation>Une autre fenêtre ou un autre programme%2 a modifié ce patient (%1) après le début de votre modification; votre modification n&apos;a donc pas été enregistrée et rien n&apos;a été écrasé.</translation>
    </message>
    <message>
        <source>This session&apos;s %1 changed in another window or program%2 after you began editing, so your change was not saved; nothing was overwritten.</source>
        <translation>Une autre fenêtre ou un autre programme%2 a modifié cette séance (%1) après le début de votre modification; votre modification n&apos;a donc pas été enregistrée et rien n&apos;a été écrasé.</translation>
    </message>
    <message>
        <source>This site&apos;s %1 changed in another window or program%2 after you began editing, so your change was not saved; nothing was overwritten.</source>
        <translation>Une autre fenêtre ou un autre programme%2 a modifié ce point (%1) après le début de votre modification; votre modification n&apos;a donc pas été enregistrée et rien n&apos;a été écrasé.</translation>
    </message>
    <message>
        <source>This photo&apos;s %1 changed in another window or program%2 after you began editing, so your change was not saved; nothing was overwritten.</source>
        <translation>Une autre fenêtre ou un autre programme%2 a modifié cette photo (%1) après le début de votre modification; votre modification n&apos;a donc pas été enregistrée et rien n&apos;a été écrasé.</translation>
    </message>
    <message>
        <source>This record&apos;s %1 changed in another window or program%2 after you began editing, so your change was not saved; nothing was overwritten.</source>
        <translation>Une autre fenêtre ou un autre programme%2 a modifié ce dossier (%1) après le début de votre modification; votre modification n&apos;a donc pas été enregistrée et rien n&apos;a été écrasé.</translation>
    </message>
    <message>
        <source>Unknown %1 field(s): %2.</source>
        <translation>Champ(s) %1 inconnu(s)&#xa0;: %2.</translation>
    </message>
    <message>
        <source> (by %1 at %2)</source>
        <translation> (par %1, le %2)</translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>the clinic server records its login %1 as the author, not %2</source>
        <translation>le serveur de la clinique enregistre son identifiant %1 comme auteur, et non %2</translation>
    </message>
    <message>
        <source>%1 is in the format of an earlier imsmap (database schema %2) and is opened read-only, so it cannot be upgraded to schema %3, which this imsmap reads. Open it once in imsmap (it is upgraded in place, every record kept and checked), or back it up first (imsmap backup) and open the copy.</source>
        <translation>%1 est au format d&apos;une version antérieure d&apos;imsmap (schéma de base de données %2) et est ouvert en lecture seule, il ne peut donc pas être mis à niveau au schéma %3, que cet imsmap lit. Ouvrez-le une fois dans imsmap (il est mis à niveau sur place, chaque dossier conservé et vérifié), ou sauvegardez-le d&apos;abord (imsmap backup) et ouvrez la copie.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>%1, %2</source>
        <translation>%1 à %2</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>%1 is a folder; the demo needs the name of a new file.</source>
        <translation>%1 est un répertoire; la démonstration a besoin du nom d&apos;un nouveau fichier.</translation>
    </message>
    <message>
        <source>%1 exists already; the demo never overwrites a file. Choose another path.</source>
        <translation>%1 existe déjà; la démonstration n&apos;écrase jamais un fichier. Choisissez un autre chemin.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another path.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord ou choisissez un autre chemin.</translation>
    </message>
    <message>
        <source>%1 cannot be created (%2).</source>
        <translation>%1 ne peut pas être créé (%2).</translation>
    </message>
    <message>
        <source>The atlas (version %1) charts too few muscles for the demo&apos;s %2 (%3 found).</source>
        <translation>L&apos;atlas (version %1) contient trop peu de muscles pour les %2 de la démonstration (%3 trouvés).</translation>
    </message>
    <message>
        <source>In progress: sites charted; outcome and plan to be completed before signing.</source>
        <translation>En cours&#xa0;: points notés; résultat et plan à compléter avant la signature.</translation>
    </message>
</context>
<context>
    <name>DemoClinic</name>
    <message>
        <source>Electrical stimulation 2 Hz for 10 minutes through the needle.</source>
        <translation>Électrostimulation à 2 Hz pendant 10 minutes par l&apos;aiguille.</translation>
    </message>
    <message>
        <source>Assessment: %1</source>
        <translation>Évaluation initiale. %1</translation>
    </message>
    <message>
        <source>Strong or moderate grasps: %2; %1 muscle(s) found clear and left out from now on.</source>
        <translation>Préhensions fortes ou modérées&#xa0;: %2; muscles sans préhension, dorénavant omis&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Strong or moderate grasps: %1.</source>
        <translation>Préhensions fortes ou modérées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Discharged to home programme; review if symptoms return.</source>
        <translation>Congé avec programme d&apos;exercices à domicile; réévaluer si les symptômes reviennent.</translation>
    </message>
    <message>
        <source>Tolerated well.</source>
        <translation>Bien toléré.</translation>
    </message>
    <message>
        <source>Tolerated; sore for a day afterwards last time, so fewer needles today.</source>
        <translation>Toléré; douleur post-puncture d&apos;une journée la dernière fois, donc moins d&apos;aiguilles aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Maple Grove Physiotherapy</source>
        <translation>Physiothérapie du Bosquet-des-Érables</translation>
    </message>
    <message>
        <source>Alex Demo, PT</source>
        <translation>Alex Démo, pht</translation>
    </message>
    <message>
        <source>Sam Example, PT</source>
        <translation>Sam Exemple, pht</translation>
    </message>
    <message>
        <source>Right L5 radiculopathy: sciatica into the lateral calf and dorsum of the foot</source>
        <translation>Radiculopathie L5 droite&#xa0;: sciatalgie irradiant à la face latérale du mollet et au dos du pied</translation>
    </message>
    <message>
        <source>Reduced lumbar flexion and SLR right 45 deg; tender paraspinals L4-S1 right; taut bands gluteus medius and fibularis longus; trophedema (matchstick test) L5 dermatome.</source>
        <translation>Flexion lombaire diminuée et EJT droite à 45°; paravertébraux sensibles L4-S1 à droite; bandes tendues au moyen fessier et au long fibulaire; trophœdème (test de l&apos;allumette) au dermatome L5.</translation>
    </message>
    <message>
        <source>Weekly IMS L4-S1 right segment; walking programme; review SLR each visit.</source>
        <translation>SIM hebdomadaire des segments L4-S1 à droite; programme de marche; réévaluer l&apos;EJT à chaque visite.</translation>
    </message>
    <message>
        <source>Left neck and shoulder pain with ache into the lateral arm (C5-6)</source>
        <translation>Douleur au cou et à l&apos;épaule gauches, avec douleur sourde irradiant à la face latérale du bras (C5-6)</translation>
    </message>
    <message>
        <source>Cervical rotation left limited 50%; tender paraspinals C4-C6 left; taut upper trapezius and levator scapulae; cool skin over the lateral arm.</source>
        <translation>Rotation cervicale gauche limitée de 50&#xa0;%; paravertébraux sensibles C4-C6 à gauche; trapèze supérieur et élévateur de la scapula tendus; peau froide à la face latérale du bras.</translation>
    </message>
    <message>
        <source>IMS C5-6 segment weekly; chin tucks and scapular setting at home.</source>
        <translation>SIM hebdomadaire du segment C5-6; rétractions du menton et positionnement scapulaire à domicile.</translation>
    </message>
    <message>
        <source>Right frozen shoulder (adhesive capsulitis): night pain, flexion 100 deg, ER 15 deg</source>
        <translation>Épaule gelée droite (capsulite adhésive)&#xa0;: douleur nocturne, flexion 100°, RE 15°</translation>
    </message>
    <message>
        <source>Capsular pattern right shoulder; taut rotator cuff and deltoid; tender C5 paraspinals.</source>
        <translation>Patron capsulaire à l&apos;épaule droite; coiffe des rotateurs et deltoïde tendus; paravertébraux C5 sensibles.</translation>
    </message>
    <message>
        <source>IMS to shoulder girdle and C5-6 paraspinals; pendulum and wand exercises daily.</source>
        <translation>SIM de la ceinture scapulaire et des paravertébraux C5-6; exercices pendulaires et avec bâton chaque jour.</translation>
    </message>
    <message>
        <source>Right lateral elbow pain (tennis elbow) with C6-7 segmental signs</source>
        <translation>Douleur latérale au coude droit (épicondylite latérale) avec signes segmentaires C6-7</translation>
    </message>
    <message>
        <source>Painful resisted wrist extension and middle-finger extension; grip 18 kg right vs 34 kg left; tender C6-7 paraspinals right.</source>
        <translation>Extension du poignet et du majeur contre résistance douloureuses; force de poigne 18 kg à droite contre 34 kg à gauche; paravertébraux C6-7 sensibles à droite.</translation>
    </message>
    <message>
        <source>IMS to forearm extensors and C6-7 segment; isometric wrist extension loading.</source>
        <translation>SIM des extenseurs de l&apos;avant-bras et du segment C6-7; mise en charge isométrique des extenseurs du poignet.</translation>
    </message>
    <message>
        <source>Chronic low back pain, both sides, worse on the left, 6 years</source>
        <translation>Lombalgie chronique bilatérale, pire à gauche, depuis 6 ans</translation>
    </message>
    <message>
        <source>Flexion to knees with guarding; tender paraspinals L3-S1 both sides, left more; peau d&apos;orange on skin rolling over the lumbar paraspinals.</source>
        <translation>Flexion jusqu&apos;aux genoux avec réaction de protection; paravertébraux sensibles L3-S1 des deux côtés, davantage à gauche; peau d&apos;orange au palper-rouler sur les paravertébraux lombaires.</translation>
    </message>
    <message>
        <source>IMS weekly with electrical stimulation to the deep paraspinals; graded activity.</source>
        <translation>SIM hebdomadaire avec électrostimulation des paravertébraux profonds; reprise graduelle des activités.</translation>
    </message>
    <message>
        <source>Fibromyalgia: widespread pain, poor sleep, neck and buttocks worst</source>
        <translation>Fibromyalgie&#xa0;: douleurs diffuses, sommeil de mauvaise qualité, cou et fesses les plus atteints</translation>
    </message>
    <message>
        <source>Tender at 14 of 18 points; widespread taut bands; sensitive to needling, so few needles and gentle technique.</source>
        <translation>Sensible à 14 points sur 18; bandes tendues diffuses; sensible à la puncture, donc peu d&apos;aiguilles et technique douce.</translation>
    </message>
    <message>
        <source>Gentle IMS, few needles per visit; pacing and sleep hygiene; GP aware.</source>
        <translation>SIM douce, peu d&apos;aiguilles par visite; gestion de l&apos;énergie et hygiène du sommeil; médecin de famille informé.</translation>
    </message>
    <message>
        <source>Left plantar heel pain, worse first steps in the morning, with S1 signs</source>
        <translation>Talalgie plantaire gauche, pire aux premiers pas le matin, avec signes S1</translation>
    </message>
    <message>
        <source>Tender medial calcaneal tubercle; ankle dorsiflexion 5 deg left vs 15 deg right; taut gastrocnemius and soleus; tender S1 paraspinals left.</source>
        <translation>Tubercule médial du calcanéus sensible; dorsiflexion de la cheville 5° à gauche contre 15° à droite; gastrocnémien et soléaire tendus; paravertébraux S1 sensibles à gauche.</translation>
    </message>
    <message>
        <source>IMS to calf, foot and S1 segment; calf stretching; night splint considered.</source>
        <translation>SIM du mollet, du pied et du segment S1; étirements du mollet; orthèse de nuit envisagée.</translation>
    </message>
    <message>
        <source>Cervicogenic headache from the upper neck (C2-3), right more than left</source>
        <translation>Céphalée cervicogénique d&apos;origine cervicale haute (C2-3), plus à droite qu&apos;à gauche</translation>
    </message>
    <message>
        <source>Headache reproduced by C2-3 pressure right; upper cervical rotation limited right; taut suboccipitals and semispinalis.</source>
        <translation>Céphalée reproduite par la pression sur C2-3 à droite; rotation cervicale haute limitée à droite; sous-occipitaux et semi-épineux tendus.</translation>
    </message>
    <message>
        <source>IMS C2-3 segment; deep neck flexor training; headache diary.</source>
        <translation>SIM du segment C2-3; entraînement des fléchisseurs profonds du cou; journal des céphalées.</translation>
    </message>
    <message>
        <source>Right buttock and hip pain (piriformis syndrome), sitting intolerance</source>
        <translation>Douleur à la fesse et à la hanche droites (syndrome du piriforme), intolérance à la position assise</translation>
    </message>
    <message>
        <source>Pain on FAIR test right; hip internal rotation 20 deg right vs 35 deg left; taut piriformis and gluteus medius; tender L5-S1 paraspinals right.</source>
        <translation>Test FAIR douloureux à droite; rotation interne de la hanche 20° à droite contre 35° à gauche; piriforme et moyen fessier tendus; paravertébraux L5-S1 sensibles à droite.</translation>
    </message>
    <message>
        <source>IMS L5-S1 segment and hip rotators; hip abductor strengthening.</source>
        <translation>SIM du segment L5-S1 et des rotateurs de la hanche; renforcement des abducteurs de la hanche.</translation>
    </message>
    <message>
        <source>lumbar flexion, SLR</source>
        <translation>flexion lombaire, EJT</translation>
    </message>
    <message>
        <source>gluteus medius, fibularis longus</source>
        <translation>moyen fessier, long fibulaire</translation>
    </message>
    <message>
        <source>L5 dermatome</source>
        <translation>dermatome L5</translation>
    </message>
    <message>
        <source>cervical rotation</source>
        <translation>rotation cervicale</translation>
    </message>
    <message>
        <source>C5-6 dermatome: cool skin</source>
        <translation>dermatome C5-6&#xa0;: peau froide</translation>
    </message>
    <message>
        <source>shoulder flexion, external rotation</source>
        <translation>flexion et rotation externe de l&apos;épaule</translation>
    </message>
    <message>
        <source>deltoid, infraspinatus</source>
        <translation>deltoïde, infra-épineux</translation>
    </message>
    <message>
        <source>forearm extensors</source>
        <translation>extenseurs de l&apos;avant-bras</translation>
    </message>
    <message>
        <source>lumbar</source>
        <translation>lombaire</translation>
    </message>
    <message>
        <source>widespread</source>
        <translation>diffus</translation>
    </message>
    <message>
        <source>upper trapezius</source>
        <translation>trapèze supérieur</translation>
    </message>
    <message>
        <source>ankle dorsiflexion</source>
        <translation>dorsiflexion de la cheville</translation>
    </message>
    <message>
        <source>lateral shin</source>
        <translation>face latérale de la jambe</translation>
    </message>
    <message>
        <source>upper cervical rotation</source>
        <translation>rotation cervicale haute</translation>
    </message>
    <message>
        <source>hip internal rotation</source>
        <translation>rotation interne de la hanche</translation>
    </message>
    <message>
        <source>piriformis</source>
        <translation>piriforme</translation>
    </message>
    <message>
        <source>Fictional demo patient.</source>
        <translation>Dossier fictif de démonstration.</translation>
    </message>
    <message>
        <source>Fictional demo patient. Warehouse supervisor; lifting restricted.</source>
        <translation>Dossier fictif de démonstration. Superviseur d&apos;entrepôt; port de charges limité.</translation>
    </message>
    <message>
        <source>Fictional demo patient. Prefers appointments before noon.</source>
        <translation>Dossier fictif de démonstration. Préfère les rendez-vous en avant-midi.</translation>
    </message>
    <message>
        <source>Warned to expect a day of soreness; heat and gentle walking advised.</source>
        <translation>Avisée de prévoir une journée de douleur post-puncture; chaleur et marche douce conseillées.</translation>
    </message>
    <message>
        <source>Pressure for one minute over the posterior deltoid site; resolved.</source>
        <translation>Pression maintenue une minute sur le point du deltoïde postérieur; résolution complète.</translation>
    </message>
    <message>
        <source>Lay supine for ten minutes with water; recovered fully before leaving.</source>
        <translation>Allongé sur le dos dix minutes avec un verre d&apos;eau; complètement rétabli avant de partir.</translation>
    </message>
    <message>
        <source>Late entry: adverse event reported by telephone</source>
        <translation>Inscription tardive&#xa0;: événement indésirable signalé par téléphone</translation>
    </message>
    <message>
        <source>Patient phoned the next morning: post-needling soreness in the right buttock for about 24 hours, eased with heat. No bruising, no nerve symptoms. Advised as usual.</source>
        <translation>Le patient a téléphoné le lendemain matin&#xa0;: douleur post-puncture à la fesse droite pendant environ 24 heures, soulagée par la chaleur. Aucune ecchymose, aucun symptôme neurologique. Conseils habituels donnés.</translation>
    </message>
    <message>
        <source>Correction: needle length</source>
        <translation>Correction&#xa0;: longueur des aiguilles</translation>
    </message>
    <message>
        <source>The forearm sites were needled with 30 mm needles, not the 40 mm recorded.</source>
        <translation>Les points de l&apos;avant-bras ont été puncturés avec des aiguilles de 30 mm, et non de 40 mm comme consigné.</translation>
    </message>
    <message>
        <source>Addition: outcome measure</source>
        <translation>Ajout&#xa0;: mesure de résultat</translation>
    </message>
    <message>
        <source>Oswestry Disability Index completed after the visit: 38% (was 52% at the first visit).</source>
        <translation>Indice d&apos;incapacité d&apos;Oswestry rempli après la visite&#xa0;: 38&#xa0;% (52&#xa0;% à la première visite).</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Created a demo clinic in %1:</source>
        <translation>Clinique de démonstration créée dans %1&#xa0;:</translation>
    </message>
    <message>
        <source>  %1 fictional patients, %2 sessions (%3 signed, %4 draft), %5 needle sites,</source>
        <translation>  %1 patients fictifs, %2 séances (%3 signées, %4 en brouillon), %5 points de puncture,</translation>
    </message>
    <message>
        <source>  %1 amendments on %2 signed sessions, %3 audit entries.</source>
        <translation>  %1 addendas sur %2 séances signées, %3 entrées d&apos;audit.</translation>
    </message>
    <message>
        <source>Open it with: imsmap --db %1</source>
        <translation>Pour l&apos;ouvrir&#xa0;: imsmap --db %1</translation>
    </message>
</context>
<context>
    <name>DemoPlacement</name>
    <message>
        <source>The chart region %1 has no interior point.</source>
        <translation>La région %1 du schéma n&apos;a aucun point intérieur.</translation>
    </message>
    <message>
        <source>No point inside the chart region %1 was found.</source>
        <translation>Aucun point à l&apos;intérieur de la région %1 du schéma n&apos;a été trouvé.</translation>
    </message>
</context>
<context>
    <name>DetailOrigins</name>
    <message>
        <source>it is marked removed on the clinic server, but its audit trail records no removal of it: it was removed outside imsmap</source>
        <translation>cet élément est marqué retiré sur le serveur de la clinique, mais sa piste d&apos;audit n&apos;en consigne aucun retrait&#xa0;: il a été retiré hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>it is marked removed in the file, but its audit trail records no removal of it: it was removed outside imsmap</source>
        <translation>cet élément est marqué retiré dans le fichier, mais sa piste d&apos;audit n&apos;en consigne aucun retrait&#xa0;: il a été retiré hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>it is not marked removed on the clinic server, but audit entry %1 removed it: it was put back outside imsmap</source>
        <translation>cet élément n&apos;est pas marqué retiré sur le serveur de la clinique, mais l&apos;entrée d&apos;audit %1 l&apos;a retiré&#xa0;: il a été rétabli hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>it is not marked removed in the file, but audit entry %1 removed it: it was put back outside imsmap</source>
        <translation>cet élément n&apos;est pas marqué retiré dans le fichier, mais l&apos;entrée d&apos;audit %1 l&apos;a retiré&#xa0;: il a été rétabli hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>its audit trail records no creation of it: it was written outside imsmap</source>
        <translation>sa piste d&apos;audit n&apos;en consigne aucune création&#xa0;: cet élément a été écrit hors d&apos;imsmap</translation>
    </message>
</context>
<context>
    <name>Fhir</name>
    <message>
        <source>Insertions</source>
        <translation>Insertions</translation>
    </message>
    <message>
        <source>Responses at each insertion</source>
        <translation>Réponses à chaque insertion</translation>
    </message>
    <message>
        <source>Pain, needles and tolerance</source>
        <translation>Douleur, aiguilles et tolérance</translation>
    </message>
    <message>
        <source>Examination findings</source>
        <translation>Constats d&apos;examen</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Événements indésirables</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Signed record (PDF/A)</source>
        <translation>Dossier signé (PDF/A)</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Addendas</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Numéro de permis</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>Pain before treatment (0-10)</source>
        <translation>Douleur avant le traitement (0-10)</translation>
    </message>
    <message>
        <source>Pain after treatment (0-10)</source>
        <translation>Douleur après le traitement (0-10)</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <source>Patient consent</source>
        <translation>Consentement du patient</translation>
    </message>
    <message>
        <source>Informed consent to intramuscular stimulation (dry needling)</source>
        <translation>Consentement éclairé à la stimulation intramusculaire (puncture sèche)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Photo %1: %2</source>
        <translation>Photo %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <source>Added after signing, by the amendment of %1 by %2: %3</source>
        <translation>Ajoutée après la signature, par l&apos;addenda du %1 de %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>IMS treatment record %1</source>
        <translation>Dossier de traitement SIM %1</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(non consigné)</translation>
    </message>
    <message>
        <source>Legal authenticator</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Procedure note</source>
        <translation>Note d&apos;intervention</translation>
    </message>
    <message>
        <source>IMS treatment record (PDF/A-1b) of the signed session</source>
        <translation>Dossier de traitement SIM (PDF/A-1b) de la séance signée</translation>
    </message>
    <message>
        <source>Photo %1 added: %2.</source>
        <translation>Photo %1 ajoutée&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Photo %1 added.</source>
        <translation>Photo %1 ajoutée.</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Addenda</translation>
    </message>
    <message>
        <source>Amendment: %1</source>
        <translation>Addenda&#xa0;: %1</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>No examination findings were recorded.</source>
        <translation>Aucun constat d&apos;examen n&apos;a été consigné.</translation>
    </message>
    <message>
        <source>No adverse events were recorded.</source>
        <translation>Aucun événement indésirable n&apos;a été consigné.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Informed consent to treatment obtained</source>
        <translation>Consentement éclairé au traitement obtenu</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Recorded in error (amendment of %1 by %2: %3)</source>
        <translation>Consigné par erreur (addenda du %1 par %2&#xa0;: %3)</translation>
    </message>
    <message>
        <source>No longer recorded in error (amendment of %1 by %2: %3)</source>
        <translation>N&apos;est plus consigné par erreur (addenda du %1 par %2&#xa0;: %3)</translation>
    </message>
    <message>
        <source>Recorded as %1, corrected to %2 (amendment of %3 by %4: %5)</source>
        <translation>Consigné à %1, corrigé à %2 (addenda du %3 par %4&#xa0;: %5)</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Midline</source>
        <translation>Ligne médiane</translation>
    </message>
    <message>
        <source>Grasp grade (0 none, 1 mild, 2 moderate, 3 strong)</source>
        <translation>Cote de préhension (0 aucune, 1 légère, 2 modérée, 3 forte)</translation>
    </message>
    <message>
        <source>Cramp felt by the patient</source>
        <translation>Crampe ressentie par le patient</translation>
    </message>
    <message>
        <source>Local twitch response</source>
        <translation>Secousse musculaire locale</translation>
    </message>
    <message>
        <source>Tissue feel at the needle</source>
        <translation>Sensation tissulaire à l&apos;aiguille</translation>
    </message>
    <message>
        <source>Release of the grasp</source>
        <translation>Relâchement de la préhension</translation>
    </message>
    <message>
        <source>Sensation reported by the patient</source>
        <translation>Ressenti rapporté par le patient</translation>
    </message>
    <message>
        <source>Electrical stimulation through the needle</source>
        <translation>Électrostimulation par l&apos;aiguille</translation>
    </message>
    <message>
        <source>Needle diameter</source>
        <translation>Diamètre de l&apos;aiguille</translation>
    </message>
    <message>
        <source>Needle length</source>
        <translation>Longueur de l&apos;aiguille</translation>
    </message>
    <message>
        <source>Depth of insertion</source>
        <translation>Profondeur d&apos;insertion</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notes de séance</translation>
    </message>
    <message>
        <source>How the patient tolerated treatment</source>
        <translation>Tolérance du patient au traitement</translation>
    </message>
    <message>
        <source>Number of needles used</source>
        <translation>Nombre d&apos;aiguilles utilisées</translation>
    </message>
    <message>
        <source>All needles accounted for and disposed of as sharps</source>
        <translation>Toutes les aiguilles comptées et jetées dans le contenant à objets piquants</translation>
    </message>
    <message>
        <source>Intramuscular stimulation (IMS) needle insertion</source>
        <translation>Insertion d&apos;aiguille de stimulation intramusculaire (SIM)</translation>
    </message>
    <message>
        <source>Side of the body</source>
        <translation>Côté du corps</translation>
    </message>
    <message>
        <source>Spinal level %1</source>
        <translation>Niveau vertébral %1</translation>
    </message>
</context>
<context>
    <name>FhirStatus</name>
    <message>
        <source>completed</source>
        <translation>effectuée</translation>
    </message>
    <message>
        <source>not-done</source>
        <translation>non effectuée</translation>
    </message>
    <message>
        <source>preparation</source>
        <translation>prévue</translation>
    </message>
    <message>
        <source>entered-in-error</source>
        <translation>saisie par erreur</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrigée</translation>
    </message>
</context>
<context>
    <name>Fidelity</name>
    <message>
        <source>Session %1 in %2 cannot be read faithfully (%3); the file is damaged. No PDF was written; restore the latest good backup (imsmap restore).</source>
        <translation>La séance %1 dans %2 ne peut pas être lue fidèlement (%3); le fichier est endommagé. Aucun PDF n&apos;a été écrit; restaurez la dernière bonne sauvegarde (imsmap restore).</translation>
    </message>
    <message>
        <source>Session %1 in %2 does not match its audit trail (%3): it was changed outside imsmap. No PDF was written; run imsmap check and restore the latest good backup.</source>
        <translation>La séance %1 dans %2 ne correspond pas à son journal d&apos;audit (%3)&#xa0;: elle a été modifiée hors d&apos;imsmap. Aucun PDF n&apos;a été écrit; lancez imsmap check et restaurez la dernière bonne sauvegarde.</translation>
    </message>
    <message>
        <source>Session %1 in %2 no longer matches the content hash recorded when %3 signed it: it was changed outside imsmap or the file is damaged. No PDF was written; run imsmap check and restore the latest good backup.</source>
        <translation>La séance %1 dans %2 ne correspond plus à l&apos;empreinte de contenu enregistrée quand %3 l&apos;a signée&#xa0;: elle a été modifiée hors d&apos;imsmap ou le fichier est endommagé. Aucun PDF n&apos;a été écrit; lancez imsmap check et restaurez la dernière bonne sauvegarde.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>chart number</source>
        <translation>numéro de dossier</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>nom de famille</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>date et heure</translation>
    </message>
    <message>
        <source>practitioner</source>
        <translation>praticien</translation>
    </message>
    <message>
        <source>registration number</source>
        <translation>numéro de permis</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>motif de consultation</translation>
    </message>
    <message>
        <source>pain before</source>
        <translation>douleur avant</translation>
    </message>
    <message>
        <source>pain after</source>
        <translation>douleur après</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentement</translation>
    </message>
    <message>
        <source>pneumothorax risk discussion</source>
        <translation>discussion du risque de pneumothorax</translation>
    </message>
    <message>
        <source>needle count</source>
        <translation>nombre d&apos;aiguilles</translation>
    </message>
    <message>
        <source>needles accounted for</source>
        <translation>aiguilles comptées</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>tolérance</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>muscle</source>
        <translation>muscle</translation>
    </message>
    <message>
        <source>side</source>
        <translation>côté</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>couche</translation>
    </message>
    <message>
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <source>needle diameter</source>
        <translation>diamètre de l&apos;aiguille</translation>
    </message>
    <message>
        <source>needle length</source>
        <translation>longueur de l&apos;aiguille</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>profondeur</translation>
    </message>
    <message>
        <source>grasp</source>
        <translation>préhension</translation>
    </message>
    <message>
        <source>cramp</source>
        <translation>crampe</translation>
    </message>
    <message>
        <source>twitch</source>
        <translation>secousse</translation>
    </message>
    <message>
        <source>tissue feel</source>
        <translation>sensation tissulaire</translation>
    </message>
    <message>
        <source>release</source>
        <translation>relâchement</translation>
    </message>
    <message>
        <source>sensation</source>
        <translation>ressenti</translation>
    </message>
    <message>
        <source>electrical stimulation</source>
        <translation>électrostimulation</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <source>recorded in error</source>
        <translation>consigné par erreur</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>légende</translation>
    </message>
    <message>
        <source>chart site</source>
        <translation>point du schéma</translation>
    </message>
</context>
<context>
    <name>FileHolds</name>
    <message>
        <source>Drafts open in other windows cannot be marked: %1 cannot be written (%2). Two windows could then edit the same draft; each change is still checked against what it was based on.</source>
        <translation>Les brouillons ouverts dans d&apos;autres fenêtres ne peuvent pas être marqués&#xa0;: %1 ne peut pas être écrit (%2). Deux fenêtres pourraient alors modifier le même brouillon; chaque modification est tout de même vérifiée par rapport à ce sur quoi elle se fondait.</translation>
    </message>
    <message>
        <source>its lock files keep changing</source>
        <translation>ses fichiers de verrou changent sans cesse</translation>
    </message>
</context>
<context>
    <name>FindingSign</name>
    <message>
        <source>Muscle shortening / taut bands</source>
        <translation>Raccourcissement musculaire / bandes tendues</translation>
    </message>
    <message>
        <source>Restricted range of motion</source>
        <translation>Amplitude articulaire limitée</translation>
    </message>
    <message>
        <source>Tender motor points</source>
        <translation>Points moteurs sensibles</translation>
    </message>
    <message>
        <source>Tender paraspinals</source>
        <translation>Paravertébraux sensibles</translation>
    </message>
    <message>
        <source>Trophedema (matchstick test)</source>
        <translation>Trophœdème (test de l&apos;allumette)</translation>
    </message>
    <message>
        <source>Peau d&apos;orange on skin rolling</source>
        <translation>Peau d&apos;orange au palper-rouler</translation>
    </message>
    <message>
        <source>Local hair loss</source>
        <translation>Perte de poils localisée</translation>
    </message>
    <message>
        <source>Autonomic signs (cold, sweating, goosebumps)</source>
        <translation>Signes neurovégétatifs (froideur, sudation, chair de poule)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Choose a folder for the backups.</source>
        <translation>Choisissez un répertoire pour les sauvegardes.</translation>
    </message>
    <message>
        <source>The backup folder must be a full path, e.g. /home/clinic/imsmap-backups.</source>
        <translation>Le répertoire des sauvegardes doit être un chemin complet, p. ex. /home/clinique/imsmap-sauvegardes.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; choose a folder for the backups.</source>
        <translation>%1 est un fichier, pas un répertoire; choisissez un répertoire pour les sauvegardes.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created: %2 is not a folder. Choose another folder.</source>
        <translation>Le répertoire des sauvegardes %1 ne peut pas être créé&#xa0;: %2 n&apos;est pas un répertoire. Choisissez un autre répertoire.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written to. Choose another folder.</source>
        <translation>Impossible d&apos;écrire dans le répertoire des sauvegardes %1. Choisissez un autre répertoire.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created (%2 cannot be written to). Choose another folder.</source>
        <translation>Le répertoire des sauvegardes %1 ne peut pas être créé (impossible d&apos;écrire dans %2). Choisissez un autre répertoire.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name: it heads every note and report.</source>
        <translation>Entrez le nom de la clinique&#xa0;: il figure en tête de chaque note et de chaque rapport.</translation>
    </message>
    <message>
        <source>Enter the practitioner&apos;s name.</source>
        <translation>Entrez le nom du praticien.</translation>
    </message>
    <message>
        <source>Enter the practitioner&apos;s registration number (from the college or board): it is printed with every signed note.</source>
        <translation>Entrez le numéro de permis du praticien (de l&apos;ordre professionnel)&#xa0;: il est imprimé avec chaque note signée.</translation>
    </message>
    <message>
        <source>Locking after idle minutes needs a PIN to unlock: enter one, or choose no locking.</source>
        <translation>Le verrouillage après quelques minutes d&apos;inactivité demande un NIP pour déverrouiller&#xa0;: entrez-en un, ou choisissez de ne pas verrouiller.</translation>
    </message>
    <message>
        <source>%1 has a PIN already; change it with View &gt; Screen lock PIN… (it asks for the current one).</source>
        <translation>%1 a déjà un NIP; changez-le avec Affichage &gt; NIP de verrouillage de l&apos;écran… (il demande le NIP actuel).</translation>
    </message>
    <message>
        <source>This clinic was set up meanwhile (on another computer?); nothing was changed. File &gt; Clinic set-up… shows what it holds.</source>
        <translation>Cette clinique a été configurée entre-temps (sur un autre ordinateur?); rien n&apos;a été modifié. Fichier &gt; Configuration de la clinique… montre ce qu&apos;elle contient.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created (%2). Choose another folder.</source>
        <translation>Le répertoire des sauvegardes %1 ne peut pas être créé (%2). Choisissez un autre répertoire.</translation>
    </message>
</context>
<context>
    <name>Grasp</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>légère</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <source>ungraded</source>
        <translation>non cotée</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>There is no file %1.</source>
        <translation>Il n&apos;y a aucun fichier %1.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the export file.</source>
        <translation>%1 est un répertoire; indiquez le fichier d&apos;exportation.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 is larger than 2 GB; it is not an imsmap export.</source>
        <translation>%1 dépasse 2 Go; ce n&apos;est pas une exportation imsmap.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text (byte %2); it is not an imsmap export.</source>
        <translation>%1 n&apos;est pas du texte UTF-8 (octet %2); ce n&apos;est pas une exportation imsmap.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (line %2, column %3: %4); nothing was imported.</source>
        <translation>%1 n&apos;est pas du JSON valide (ligne %2, colonne %3&#xa0;: %4); rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>%1 is nested too deeply to be an imsmap export.</source>
        <translation>%1 est imbriqué trop profondément pour être une exportation imsmap.</translation>
    </message>
    <message>
        <source>%1 holds a number too long to be any value of an imsmap export; nothing was imported.</source>
        <translation>%1 contient un nombre trop long pour être une valeur d&apos;une exportation imsmap; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Imported %1 patients, %2 sessions, %3 sites, %4 photos and %5 amendments from %6.</source>
        <translation>%1 patients, %2 séances, %3 points, %4 photos et %5 addendas importés de %6.</translation>
    </message>
    <message>
        <source>Imported %1 patients, %2 sessions, %3 sites and %5 amendments from %6.</source>
        <translation>%1 patients, %2 séances, %3 points et %5 addendas importés de %6.</translation>
    </message>
    <message numerus="yes">
        <source>%n of these session(s) withdrawn or entered in error, with that mark kept: counted in no figure.</source>
        <translation>
            <numerusform>%n de ces séances retirée ou consignée par erreur, sa marque gardée&#xa0;: comptée dans aucun chiffre.</numerusform>
            <numerusform>%n de ces séances retirées ou consignées par erreur, leur marque gardée&#xa0;: comptées dans aucun chiffre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) or separation(s) of duplicate patient records kept, as the file&apos;s audit trail recorded them.</source>
        <translation>
            <numerusform>%n fusion ou séparation de dossiers patients en double gardée, telle que la piste de vérification du fichier l&apos;a consignée.</numerusform>
            <numerusform>%n fusions ou séparations de dossiers patients en double gardées, telles que la piste de vérification du fichier les a consignées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCorrections</name>
    <message>
        <source>A correction is [site number, field, value before, value after].</source>
        <translation>Une correction est [numéro du point, champ, valeur avant, valeur après].</translation>
    </message>
    <message>
        <source>This is not a correction imsmap makes: a site number, then grasp (0-3 or null), cramp or in_error (true or false), and two different values.</source>
        <translation>Ce n&apos;est pas une correction que fait imsmap&#xa0;: un numéro de point, puis grasp (0-3 ou null), cramp ou in_error (true ou false), et deux valeurs différentes.</translation>
    </message>
    <message>
        <source>Site %1 is not a needled site of this visit.</source>
        <translation>Le point %1 n&apos;est pas un point puncturé de cette visite.</translation>
    </message>
    <message>
        <source>Site %1 was recorded in error by an earlier correction; it is not corrected further.</source>
        <translation>Le point %1 a été consigné par erreur par une correction antérieure; il n&apos;est plus corrigé.</translation>
    </message>
    <message>
        <source>The value before this correction is not the one site %1 had then.</source>
        <translation>La valeur avant cette correction n&apos;est pas celle qu&apos;avait alors le point %1.</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>a number of thousands of digits</source>
        <translation>un nombre de plusieurs milliers de chiffres</translation>
    </message>
    <message>
        <source>%1 must be a number, not %2.</source>
        <translation>%1 doit être un nombre, pas %2.</translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2.</source>
        <translation>%1 doit valoir true ou false, pas %2.</translation>
    </message>
    <message>
        <source>A date and time must be text such as 2026-11-20T09:30:00+01:00.</source>
        <translation>Une date et heure doit être un texte comme 2026-11-20T09:30:00+01:00.</translation>
    </message>
    <message>
        <source>%1 is not a date and time (YYYY-MM-DDTHH:MM:SS).</source>
        <translation>%1 n&apos;est pas une date et heure (AAAA-MM-JJTHH:MM:SS).</translation>
    </message>
    <message>
        <source>%1 is before 1990; check the date.</source>
        <translation>%1 est antérieur à 1990; vérifiez la date.</translation>
    </message>
    <message>
        <source>The status %1 is not &apos;draft&apos; or &apos;signed&apos;.</source>
        <translation>Le statut %1 n&apos;est ni «&#xa0;draft&#xa0;» ni «&#xa0;signed&#xa0;».</translation>
    </message>
    <message>
        <source>%1 is not a content hash (64 hexadecimal digits).</source>
        <translation>%1 n&apos;est pas une empreinte de contenu (64 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>%1 is not a session uid (32 hexadecimal digits).</source>
        <translation>%1 n&apos;est pas un uid de séance (32 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>%1 %2 must be a whole number from %3 to %4.</source>
        <translation>%1 %2 doit être un nombre entier de %3 à %4.</translation>
    </message>
    <message>
        <source>The muscle must be given by its catalogue id (text).</source>
        <translation>Le muscle doit être donné par son identifiant du catalogue (texte).</translation>
    </message>
    <message>
        <source>%1 %2 is not one of: %3.</source>
        <translation>%1 %2 ne fait pas partie de&#xa0;: %3.</translation>
    </message>
</context>
<context>
    <name>ImportMerges</name>
    <message>
        <source>The merges of patient records must be a list.</source>
        <translation>Les fusions de dossiers patients doivent être une liste.</translation>
    </message>
    <message>
        <source>Merged patient records are imported only with the complete, unbroken audit trail of the database they were exported from, and %1. Export the whole database (imsmap export) and import that file.</source>
        <translation>Des dossiers patients fusionnés ne sont importés qu&apos;avec la piste de vérification complète et ininterrompue de la base de données d&apos;où ils ont été exportés, et %1. Exportez toute la base de données (imsmap export) et importez ce fichier.</translation>
    </message>
    <message>
        <source>A merge of patient records needs its id, duplicate_id, kept_id, ends, reason, created_at and created_by.</source>
        <translation>Une fusion de dossiers patients exige ses champs id, duplicate_id, kept_id, ends, reason, created_at et created_by.</translation>
    </message>
    <message>
        <source>The merge names patient %1, who is not in the file.</source>
        <translation>La fusion nomme le patient %1, qui n&apos;est pas dans le fichier.</translation>
    </message>
    <message>
        <source>A separation ends a merge listed before it.</source>
        <translation>Une séparation met fin à une fusion inscrite avant elle.</translation>
    </message>
</context>
<context>
    <name>ImportRetractions</name>
    <message>
        <source>The mark&apos;s kind must be withdrawn or entered_in_error.</source>
        <translation>Le genre de la marque doit être withdrawn ou entered_in_error.</translation>
    </message>
    <message>
        <source>A signed visit is not withdrawn; it is marked entered in error.</source>
        <translation>Une visite signée n&apos;est pas retirée; elle est marquée consignée par erreur.</translation>
    </message>
    <message>
        <source>A draft is not marked entered in error; it is withdrawn.</source>
        <translation>Un brouillon n&apos;est pas marqué consigné par erreur; il est retiré.</translation>
    </message>
    <message>
        <source>A withdrawn or entered-in-error visit is imported only with the complete, unbroken audit trail of the database it was exported from, and %1. Export the whole database (imsmap export) and import that file.</source>
        <translation>Une visite retirée ou consignée par erreur n&apos;est importée qu&apos;avec la piste de vérification complète et intacte de la base de données dont elle a été exportée, et %1. Exportez toute la base de données (imsmap export) et importez ce fichier.</translation>
    </message>
    <message>
        <source>The mark is dated in the future.</source>
        <translation>La marque est datée dans le futur.</translation>
    </message>
</context>
<context>
    <name>ImportTrail</name>
    <message>
        <source>audit[%1] is not an object</source>
        <translation>audit[%1] n&apos;est pas un objet</translation>
    </message>
    <message>
        <source>audit[%1].id is not a whole number</source>
        <translation>audit[%1].id n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>audit[%1].%2 is not text</source>
        <translation>audit[%1].%2 n&apos;est pas du texte</translation>
    </message>
    <message>
        <source>audit[%1].%2 is not a whole number</source>
        <translation>audit[%1].%2 n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>audit[%1].changes is not an object</source>
        <translation>audit[%1].changes n&apos;est pas un objet</translation>
    </message>
    <message>
        <source>audit[%1].at is not a date and time</source>
        <translation>audit[%1].at n&apos;est pas une date et heure</translation>
    </message>
    <message>
        <source>audit[%1].at_seconds is not a whole number</source>
        <translation>audit[%1].at_seconds n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>audit[%1].hash is not a chain link (32 or 64 hexadecimal digits)</source>
        <translation>audit[%1].hash n&apos;est pas un maillon de chaîne (32 ou 64 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>the file holds no audit trail</source>
        <translation>le fichier ne contient aucun journal d&apos;audit</translation>
    </message>
    <message>
        <source>the file&apos;s audit trail is not a list</source>
        <translation>le journal d&apos;audit du fichier n&apos;est pas une liste</translation>
    </message>
    <message>
        <source>the file&apos;s audit trail has more than %1 entries</source>
        <translation>le journal d&apos;audit du fichier a plus de %1 entrées</translation>
    </message>
    <message>
        <source>the file&apos;s audit trail is incomplete (entry %1 is missing; an export of chosen sessions leaves entries out)</source>
        <translation>le journal d&apos;audit du fichier est incomplet (l&apos;entrée %1 manque; une exportation de séances choisies omet des entrées)</translation>
    </message>
    <message>
        <source>the file&apos;s audit trail is broken at entry %1: it was changed after it was written</source>
        <translation>le journal d&apos;audit du fichier est rompu à l&apos;entrée %1&#xa0;: il a été modifié après avoir été écrit</translation>
    </message>
    <message>
        <source>the file&apos;s audit trail does not record where it ends</source>
        <translation>le journal d&apos;audit du fichier n&apos;indique pas où il se termine</translation>
    </message>
    <message>
        <source>A signed visit is imported only with the complete, unbroken audit trail of the database it was exported from, and %1. Export the whole database (imsmap export) and import that file.</source>
        <translation>Une visite signée n&apos;est importée qu&apos;avec le journal d&apos;audit complet et intact de la base de données d&apos;où elle a été exportée, et %1. Exportez toute la base de données (imsmap export) et importez ce fichier.</translation>
    </message>
    <message>
        <source>The visit is signed before it started.</source>
        <translation>La visite est signée avant d&apos;avoir commencé.</translation>
    </message>
    <message>
        <source>The visit is signed in the future.</source>
        <translation>La visite est signée dans le futur.</translation>
    </message>
    <message>
        <source>The amendment is dated before the visit was signed.</source>
        <translation>L&apos;addenda est daté d&apos;avant la signature de la visite.</translation>
    </message>
    <message>
        <source>The amendment is dated in the future.</source>
        <translation>L&apos;addenda est daté dans le futur.</translation>
    </message>
    <message>
        <source>the audit trail imported by entry %1 was changed after it was imported</source>
        <translation>le journal d&apos;audit importé par l&apos;entrée %1 a été modifié après son importation</translation>
    </message>
    <message>
        <source>%1 imported audit entries belong to no recorded import</source>
        <translation>entrées d&apos;audit importées qui n&apos;appartiennent à aucune importation enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>... and %1 more</source>
        <translation>... et %1 de plus</translation>
    </message>
    <message>
        <source>(checking stopped there)</source>
        <translation>(la vérification s&apos;est arrêtée là)</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was changed. %1 problems:</source>
        <translation>Le fichier ne peut pas être importé; rien n&apos;a été modifié. %1 problèmes&#xa0;:</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was changed. The problem:</source>
        <translation>Le fichier ne peut pas être importé; rien n&apos;a été modifié. Le problème&#xa0;:</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>est manquant.</translation>
    </message>
    <message>
        <source>cannot be empty.</source>
        <translation>ne peut pas être vide.</translation>
    </message>
    <message>
        <source>%1 is not a valid value here.</source>
        <translation>%1 n&apos;est pas une valeur valide ici.</translation>
    </message>
    <message>
        <source>must be an object ({...}), not %1.</source>
        <translation>doit être un objet ({...}), pas %1.</translation>
    </message>
    <message>
        <source>must be a list ([...]), not %1.</source>
        <translation>doit être une liste ([...]), pas %1.</translation>
    </message>
    <message>
        <source>The file must hold one JSON object, not %1.</source>
        <translation>Le fichier doit contenir un seul objet JSON, pas %1.</translation>
    </message>
    <message>
        <source>This is a FHIR bundle, written for other records systems; imsmap imports only its own export. Export from the other imsmap without --fhir (imsmap export --out FILE.json) and import that file.</source>
        <translation>C&apos;est un Bundle FHIR, écrit pour d&apos;autres systèmes de dossiers; imsmap n&apos;importe que sa propre exportation. Exportez depuis l&apos;autre imsmap sans --fhir (imsmap export --out FICHIER.json) et importez ce fichier.</translation>
    </message>
    <message>
        <source>This is not an imsmap export (it names no format; an imsmap export says format %1).</source>
        <translation>Ce n&apos;est pas une exportation imsmap (aucun format n&apos;y est indiqué; une exportation imsmap indique le format %1).</translation>
    </message>
    <message>
        <source>This is not an imsmap export (format %1, expected %2).</source>
        <translation>Ce n&apos;est pas une exportation imsmap (format %1, attendu %2).</translation>
    </message>
    <message>
        <source>%1 is not an export format version.</source>
        <translation>%1 n&apos;est pas une version de format d&apos;exportation.</translation>
    </message>
    <message>
        <source>The file was written by a newer imsmap (export format version %1); this imsmap reads version %2. Update imsmap to import it.</source>
        <translation>Le fichier a été écrit par une version plus récente d&apos;imsmap (format d&apos;exportation version %1); cet imsmap lit la version %2. Mettez imsmap à jour pour l&apos;importer.</translation>
    </message>
    <message>
        <source>Chart number %1 is used twice in the file (also at %2).</source>
        <translation>Le numéro de dossier %1 figure deux fois dans le fichier (aussi à %2).</translation>
    </message>
    <message>
        <source>A draft visit cannot carry a signature; its status says draft.</source>
        <translation>Une visite en brouillon ne peut pas porter de signature; son statut indique brouillon.</translation>
    </message>
    <message>
        <source>Site number %1 is used twice in this visit (also at %2).</source>
        <translation>Le numéro de point %1 figure deux fois dans cette visite (aussi à %2).</translation>
    </message>
    <message>
        <source>Only a signed visit has amendments; this one is a draft.</source>
        <translation>Seule une visite signée a des addendas; celle-ci est un brouillon.</translation>
    </message>
    <message>
        <source>The site number</source>
        <translation>Le numéro du point</translation>
    </message>
    <message>
        <source>The chart view must be given by its id (text).</source>
        <translation>La vue du schéma doit être donnée par son identifiant (texte).</translation>
    </message>
    <message>
        <source>The visit&apos;s content does not match the hash taken when it was signed: it was changed after signing, so it cannot be imported as a signed record.</source>
        <translation>Le contenu de la visite ne correspond pas à l&apos;empreinte prise à la signature&#xa0;: il a été modifié après la signature, donc il ne peut pas être importé comme dossier signé.</translation>
    </message>
    <message>
        <source>Chart number %1 already exists in this database; records are never merged. Import into another database, or change the chart number in the file.</source>
        <translation>Le numéro de dossier %1 existe déjà dans cette base de données; les dossiers ne sont jamais fusionnés. Importez dans une autre base de données, ou changez le numéro de dossier dans le fichier.</translation>
    </message>
    <message>
        <source>Chart number %1 already exists in this database, written %2; records are never merged. Import into another database, or change the chart number in the file.</source>
        <translation>Le numéro de dossier %1 existe déjà dans cette base de données, écrit %2; les dossiers ne sont jamais fusionnés. Importez dans une autre base de données, ou changez le numéro de dossier dans le fichier.</translation>
    </message>
    <message>
        <source>This visit is in the file twice (also at %1).</source>
        <translation>Cette visite figure deux fois dans le fichier (aussi à %1).</translation>
    </message>
    <message>
        <source>This visit exists in this database already; records are never merged.</source>
        <translation>Cette visite existe déjà dans cette base de données; les dossiers ne sont jamais fusionnés.</translation>
    </message>
    <message>
        <source>The visit as stored does not match its signature; nothing was imported. This is a bug in imsmap: please report it.</source>
        <translation>La visite enregistrée ne correspond pas à sa signature; rien n&apos;a été importé. C&apos;est une anomalie d&apos;imsmap&#xa0;: veuillez la signaler.</translation>
    </message>
    <message>
        <source>Chart number %1 is chart number %2 of the file (at %3) in other capitals: one number on paper for two patients. Change one of them in the file. A pair kept from before imsmap refused it is imported only with the complete audit trail of the database it was exported from.</source>
        <translation>Le numéro de dossier %1 est le numéro de dossier %2 du fichier (à %3) avec d&apos;autres majuscules&#xa0;: un seul numéro sur papier pour deux patients. Changez l&apos;un des deux dans le fichier. Une paire conservée d&apos;avant qu&apos;imsmap la refuse n&apos;est importée qu&apos;avec la piste de vérification complète de la base de données d&apos;où elle a été exportée.</translation>
    </message>
</context>
<context>
    <name>Joined</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Label</name>
    <message>
        <source>The chart number</source>
        <translation>Le numéro de dossier</translation>
    </message>
    <message>
        <source>The needle count</source>
        <translation>Le nombre d&apos;aiguilles</translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation>Douleur avant</translation>
    </message>
    <message>
        <source>Pain after</source>
        <translation>Douleur après</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Douleur</translation>
    </message>
    <message>
        <source>Grasp</source>
        <translation>Préhension</translation>
    </message>
    <message>
        <source>Needle diameter</source>
        <translation>Diamètre de l&apos;aiguille</translation>
    </message>
    <message>
        <source>Needle length</source>
        <translation>Longueur de l&apos;aiguille</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <source>The clinic name</source>
        <translation>Le nom de la clinique</translation>
    </message>
    <message>
        <source>The practitioner&apos;s name</source>
        <translation>Le nom du praticien</translation>
    </message>
    <message>
        <source>The registration number</source>
        <translation>Le numéro de permis</translation>
    </message>
    <message>
        <source>The login</source>
        <translation>L&apos;identifiant</translation>
    </message>
    <message>
        <source>A grasp label</source>
        <translation>Un libellé de préhension</translation>
    </message>
    <message>
        <source>The backup folder</source>
        <translation>Le répertoire de sauvegarde</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Le nom</translation>
    </message>
    <message>
        <source>The atlas version</source>
        <translation>La version de l&apos;atlas</translation>
    </message>
    <message>
        <source>The signer</source>
        <translation>Le signataire</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>La raison</translation>
    </message>
    <message>
        <source>The author</source>
        <translation>L&apos;auteur</translation>
    </message>
    <message>
        <source>The reason for the amendment</source>
        <translation>Le motif de l&apos;addenda</translation>
    </message>
    <message>
        <source>The amendment</source>
        <translation>L&apos;addenda</translation>
    </message>
    <message>
        <source>The location</source>
        <translation>Le siège</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Les notes</translation>
    </message>
    <message>
        <source>The action taken</source>
        <translation>La mesure prise</translation>
    </message>
    <message>
        <source>The caption</source>
        <translation>La légende</translation>
    </message>
    <message>
        <source>The protocol name</source>
        <translation>Le nom du protocole</translation>
    </message>
    <message>
        <source>The family name</source>
        <translation>Le nom de famille</translation>
    </message>
    <message>
        <source>The given name</source>
        <translation>Le prénom</translation>
    </message>
    <message>
        <source>The tolerance</source>
        <translation>La tolérance</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Le plan</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>Le motif de consultation</translation>
    </message>
    <message>
        <source>The layer</source>
        <translation>La couche</translation>
    </message>
</context>
<context>
    <name>LayerWord</name>
    <message>
        <source>posterior wall</source>
        <translation>de la paroi postérieure</translation>
    </message>
</context>
<context>
    <name>Letterhead</name>
    <message>
        <source>IMS treatment record</source>
        <translation>Dossier de traitement SIM</translation>
    </message>
    <message>
        <source>Intramuscular stimulation (Gunn IMS) / dry needling</source>
        <translation>Stimulation intramusculaire (SIM de Gunn) / puncture sèche</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation>%1 (%2 ans)</translation>
    </message>
    <message>
        <source>%1 · Chart %2 · DOB %3</source>
        <comment>a woman</comment>
        <translation>%1 · Dossier %2 · Née le %3</translation>
    </message>
    <message>
        <source>%1 · Chart %2 · DOB %3</source>
        <comment>a man</comment>
        <translation>%1 · Dossier %2 · Né le %3</translation>
    </message>
    <message>
        <source>%1 · Chart %2 · DOB %3</source>
        <translation>%1 · Dossier %2 · Né(e) le %3</translation>
    </message>
    <message>
        <source>%1 · Chart %2</source>
        <translation>%1 · Dossier %2</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <source>Changes made in other rooms no longer arrive in this window (an error; it is in the log): close imsmap and open it again.</source>
        <translation>Les modifications faites dans les autres salles n&apos;arrivent plus dans cette fenêtre (une erreur; elle figure dans le journal)&#xa0;: fermez imsmap et rouvrez-le.</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>Le NIP doit compter de %1 à %2 chiffres.</translation>
    </message>
    <message>
        <source>The idle time must be 0 to %1 minutes.</source>
        <translation>Le délai d&apos;inactivité doit être de 0 à %1 minutes.</translation>
    </message>
    <message>
        <source>Set a PIN first: locking after idle time needs a PIN to unlock.</source>
        <translation>Définissez d&apos;abord un NIP&#xa0;: le verrouillage après inactivité demande un NIP pour déverrouiller.</translation>
    </message>
    <message>
        <source>The idle time before locking changed in another window or program after you opened this dialog, so your changes were not saved; nothing was overwritten. Close it and open it again to see it as it is now.</source>
        <translation>Une autre fenêtre ou un autre programme a modifié le délai d&apos;inactivité avant le verrouillage après l&apos;ouverture de cette fenêtre; vos modifications n&apos;ont donc pas été enregistrées et rien n&apos;a été écrasé. Fermez-la et rouvrez-la pour voir le délai tel qu&apos;il est maintenant.</translation>
    </message>
</context>
<context>
    <name>Merging</name>
    <message>
        <source>Choose two different records: a record is not merged into itself.</source>
        <translation>Choisissez deux dossiers différents&#xa0;: un dossier n&apos;est pas fusionné dans lui-même.</translation>
    </message>
    <message>
        <source>%1 is merged into %2 already; nothing was changed.</source>
        <translation>%1 est déjà fusionné dans %2; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Other records are merged into %1, so it is kept, not merged away (merge %2 into it instead); nothing was changed.</source>
        <translation>D&apos;autres dossiers sont fusionnés dans %1&#xa0;: il est conservé, pas fusionné ailleurs (fusionnez plutôt %2 dans celui-ci); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>These records are not merged (any longer); nothing was changed.</source>
        <translation>Ces dossiers ne sont pas (ou plus) fusionnés; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 has a draft of %2 open in another imsmap window (%3); merge once it is signed or closed there. Nothing was changed.</source>
        <translation>%1 a un brouillon de %2 ouvert dans une autre fenêtre d&apos;imsmap (%3); fusionnez une fois qu&apos;il y est signé ou fermé. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 has a draft of %2 open in %3; merge once it is signed or closed. Nothing was changed.</source>
        <translation>%1 a un brouillon de %2 ouvert dans %3; fusionnez une fois qu&apos;il est signé ou fermé. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>Metavar</name>
    <message>
        <source>COMMAND</source>
        <translation>COMMANDE</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>RÉPERTOIRE</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NUMÉRO_DOSSIER</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>NUMÉRO</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>MOTIF</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>ÉTAPE</translation>
    </message>
</context>
<context>
    <name>OsReasons</name>
    <message>
        <source>there is no such file or folder</source>
        <translation>ce fichier ou ce répertoire n&apos;existe pas</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>c&apos;est un répertoire, pas un fichier</translation>
    </message>
    <message>
        <source>a part of its path is a file, not a folder</source>
        <translation>une partie de son chemin est un fichier, pas un répertoire</translation>
    </message>
    <message>
        <source>a file of that name is there already</source>
        <translation>un fichier de ce nom s&apos;y trouve déjà</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>le disque a signalé une erreur d&apos;entrée-sortie</translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <source>%1 is the database itself or one of its own files (-wal, -shm, -journal); nothing was written: choose another file name.</source>
        <translation>%1 est la base de données elle-même ou l&apos;un de ses propres fichiers (-wal, -shm, -journal); rien n&apos;a été écrit&#xa0;: choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database; imsmap never writes over a database, so nothing was written: choose another file name.</source>
        <translation>%1 est une base de données SQLite; imsmap n&apos;écrit jamais par-dessus une base de données, donc rien n&apos;a été écrit&#xa0;: choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of the file to write.</source>
        <translation>%1 est un répertoire; donnez le nom du fichier à écrire.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord ou choisissez-en un autre.</translation>
    </message>
    <message>
        <source>%1 exists already; add --force to replace it.</source>
        <translation>%1 existe déjà; ajoutez --force pour le remplacer.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the file is larger than the disk or the system allows (the disk may be full)</source>
        <translation>le fichier est plus gros que ce que le disque ou le système permet (le disque est peut-être plein)</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>file</source>
        <translation>le fichier</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>le PDF</translation>
    </message>
    <message>
        <source>export</source>
        <translation>l&apos;exportation</translation>
    </message>
    <message>
        <source>The %1 cannot be written in %2 (%3); nothing was written.</source>
        <translation>Impossible d&apos;écrire %1 dans %2 (%3); rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The %1 cannot be written to %2 (%3); nothing was changed.</source>
        <translation>Impossible d&apos;écrire %1 dans %2 (%3); rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>PdfCommand</name>
    <message>
        <source>%1 is not a paper size: use A4 or Letter.</source>
        <translation>%1 n&apos;est pas un format de papier&#xa0;: utilisez A4 ou Letter.</translation>
    </message>
    <message>
        <source>%1 is not a language of imsmap&apos;s records: use en or fr_CA.</source>
        <translation>%1 n&apos;est pas une langue des dossiers d&apos;imsmap&#xa0;: utilisez en ou fr_CA.</translation>
    </message>
    <message>
        <source>a session id</source>
        <translation>un numéro de séance</translation>
    </message>
    <message>
        <source>write a session&apos;s record or a patient&apos;s progress as a PDF/A file</source>
        <translation>écrire le dossier d&apos;une séance ou l&apos;évolution d&apos;un patient dans un fichier PDF/A</translation>
    </message>
    <message>
        <source>Write the record of one session (charts, sites, segmental summary, signature and amendments), or with --patient and --progress a patient&apos;s progress over their sessions, as a PDF/A-1b file for the clinic&apos;s records system.</source>
        <translation>Écrire le dossier d&apos;une séance (schémas, points, sommaire segmentaire, signature et addendas), ou avec --patient et --progress l&apos;évolution d&apos;un patient au fil de ses séances, dans un fichier PDF/A-1b pour le système de dossiers de la clinique.</translation>
    </message>
    <message>
        <source>the session&apos;s id</source>
        <translation>le numéro de la séance</translation>
    </message>
    <message>
        <source>a patient id</source>
        <translation>un numéro de patient</translation>
    </message>
    <message>
        <source>the patient&apos;s id (with --progress)</source>
        <translation>le numéro du patient (avec --progress)</translation>
    </message>
    <message>
        <source>the patient&apos;s chart number, in place of --patient (with --progress)</source>
        <translation>le numéro de dossier du patient, au lieu de --patient (avec --progress)</translation>
    </message>
    <message>
        <source>the progress report of --patient over their sessions</source>
        <translation>le rapport d&apos;évolution de --patient au fil de ses séances</translation>
    </message>
    <message>
        <source>a number of sessions</source>
        <translation>un nombre de séances</translation>
    </message>
    <message>
        <source>with --progress: only the latest N sessions</source>
        <translation>avec --progress&#xa0;: seulement les N dernières séances</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>le fichier PDF à écrire</translation>
    </message>
    <message>
        <source>with --to and --out-dir: sessions started on or after DATE (YYYY-MM-DD)</source>
        <translation>avec --to et --out-dir&#xa0;: les séances commencées le DATE ou après (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>... and on or before DATE (YYYY-MM-DD)</source>
        <translation>... et le DATE ou avant (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>the folder for one PDF per session of the date range</source>
        <translation>le répertoire où écrire un PDF par séance de la période</translation>
    </message>
    <message>
        <source>paper size (default: the clinic&apos;s setting, else A4)</source>
        <translation>format du papier (par défaut&#xa0;: le réglage de la clinique, sinon A4)</translation>
    </message>
    <message>
        <source>the language of the PDF (default: the clinic&apos;s records language)</source>
        <translation>la langue du PDF (par défaut&#xa0;: la langue des dossiers de la clinique)</translation>
    </message>
    <message>
        <source>replace FILE (or files in DIR) that exist</source>
        <translation>remplacer FICHIER (ou les fichiers de RÉPERTOIRE) s&apos;il existe déjà</translation>
    </message>
    <message>
        <source>--from, --to and --out-dir export every session of a date range; leave out --session, --patient and --progress.</source>
        <translation>--from, --to et --out-dir exportent toutes les séances d&apos;une période; omettez --session, --patient et --progress.</translation>
    </message>
    <message>
        <source>A date range writes one file per session: give --out-dir DIR, not --out.</source>
        <translation>Une période produit un fichier par séance&#xa0;: indiquez --out-dir RÉPERTOIRE, et non --out.</translation>
    </message>
    <message>
        <source>A date range needs all of --from DATE, --to DATE and --out-dir DIR.</source>
        <translation>Une période exige --from DATE, --to DATE et --out-dir RÉPERTOIRE.</translation>
    </message>
    <message>
        <source>--last goes with --patient and --progress.</source>
        <translation>--last s&apos;emploie avec --patient et --progress.</translation>
    </message>
    <message>
        <source>Give either --session or --patient with --progress, not both.</source>
        <translation>Indiquez soit --session, soit --patient avec --progress, mais pas les deux.</translation>
    </message>
    <message>
        <source>A progress report needs both --patient ID and --progress.</source>
        <translation>Un rapport d&apos;évolution exige --patient NUMÉRO et --progress.</translation>
    </message>
    <message>
        <source>Say what to write: --session ID, or --patient ID --progress.</source>
        <translation>Indiquez quoi écrire&#xa0;: --session NUMÉRO, ou --patient NUMÉRO --progress.</translation>
    </message>
    <message>
        <source>Give the PDF file to write with --out FILE.</source>
        <translation>Indiquez le fichier PDF à écrire avec --out FICHIER.</translation>
    </message>
    <message>
        <source>%1 (chart %2) has no sessions to report on.</source>
        <translation>%1 (dossier %2) n&apos;a aucune séance à présenter.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the progress report of chart %1 (%n session(s)) to %2.</source>
        <translation>
            <numerusform>Rapport d&apos;évolution du dossier %1 (%n séance) écrit dans %2.</numerusform>
            <numerusform>Rapport d&apos;évolution du dossier %1 (%n séances) écrit dans %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote session %1 to %2.</source>
        <translation>Séance %1 écrite dans %2.</translation>
    </message>
    <message>
        <source>--to %1 is before --from %2; give the earlier date first.</source>
        <translation>--to %1 précède --from %2; indiquez d&apos;abord la date la plus ancienne.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another with --out-dir.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord ou choisissez-en un autre avec --out-dir.</translation>
    </message>
    <message>
        <source>No sessions started between %1 and %2; nothing written.</source>
        <translation>Aucune séance commencée entre le %1 et le %2; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Skipped session %1: %2 exists already (--force replaces it).</source>
        <translation>Séance %1 sautée&#xa0;: %2 existe déjà (--force le remplace).</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to %1; %2 skipped because they exist already.</source>
        <translation>
            <numerusform>%n PDF écrit dans %1; %2 sauté(s) parce qu&apos;ils existent déjà.</numerusform>
            <numerusform>%n PDF écrits dans %1; %2 sauté(s) parce qu&apos;ils existent déjà.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to %1.</source>
        <translation>
            <numerusform>%n PDF écrit dans %1.</numerusform>
            <numerusform>%n PDF écrits dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoExport</name>
    <message>
        <source>%1 is not a sha256 (64 lowercase hexadecimal digits).</source>
        <translation>%1 n&apos;est pas un sha256 (64 chiffres hexadécimaux en minuscules).</translation>
    </message>
    <message>
        <source>The photo type %1 is not one of: %2.</source>
        <translation>Le type de photo %1 ne fait pas partie de&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The photo&apos;s data must be base64 text.</source>
        <translation>Les données de la photo doivent être du texte base64.</translation>
    </message>
    <message>
        <source>The photo&apos;s data is over %1 MB.</source>
        <translation>Les données de la photo dépassent %1 Mo.</translation>
    </message>
    <message>
        <source>The photo&apos;s data is not valid base64.</source>
        <translation>Les données de la photo ne sont pas du base64 valide.</translation>
    </message>
    <message>
        <source>The photo&apos;s data is not a whole %1 picture.</source>
        <translation>Les données de la photo ne forment pas une image %1 complète.</translation>
    </message>
    <message>
        <source>The photo is %1x%2 px; imsmap stores photos of at most %3 px on the long side.</source>
        <translation>La photo fait %1x%2 px; imsmap conserve des photos d&apos;au plus %3 px sur le grand côté.</translation>
    </message>
    <message>
        <source>The photo carries metadata (EXIF, XMP, ICC or text) that imsmap strips from every photo it stores.</source>
        <translation>La photo porte des métadonnées (EXIF, XMP, ICC ou texte) qu&apos;imsmap retire de chaque photo qu&apos;il conserve.</translation>
    </message>
    <message>
        <source>A visit holds at most %1 photos.</source>
        <translation>Une visite contient au plus %1 photos.</translation>
    </message>
    <message>
        <source>The photo&apos;s data does not match its sha256: it was changed or damaged after export.</source>
        <translation>Les données de la photo ne correspondent pas à son sha256&#xa0;: elles ont été modifiées ou endommagées après l&apos;exportation.</translation>
    </message>
    <message>
        <source>%1 is not the id of one of this visit&apos;s amendments.</source>
        <translation>%1 n&apos;est pas l&apos;identifiant d&apos;un des addendas de cette visite.</translation>
    </message>
    <message>
        <source>%1 is not the id of one of this visit&apos;s sites.</source>
        <translation>%1 n&apos;est l&apos;identifiant d&apos;aucun des points de cette visite.</translation>
    </message>
</context>
<context>
    <name>PhotoFiles</name>
    <message>
        <source>JPEG, PNG, WebP, TIFF, BMP or GIF</source>
        <translation>JPEG, PNG, WebP, TIFF, BMP ou GIF</translation>
    </message>
    <message>
        <source>%1 is the imsmap database or one of its own files, not a photo; nothing was added.</source>
        <translation>%1 est la base de données d&apos;imsmap ou l&apos;un de ses propres fichiers, pas une photo; rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>%1 is not a file; choose a photo.</source>
        <translation>%1 n&apos;est pas un fichier; choisissez une photo.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes): its copy or download did not finish. Copy it again from the camera or phone.</source>
        <translation>%1 est vide (0 octet)&#xa0;: sa copie ou son téléchargement n&apos;a pas abouti. Copiez-le de nouveau depuis l&apos;appareil photo ou le téléphone.</translation>
    </message>
    <message>
        <source>%1 is %2 MB; a photo may be at most %3 MB. Attach a smaller copy (a phone&apos;s or camera&apos;s own export).</source>
        <translation>%1 fait %2 Mo; une photo peut faire au plus %3 Mo. Joignez une copie plus petite (l&apos;exportation propre au téléphone ou à l&apos;appareil photo).</translation>
    </message>
    <message>
        <source>%1 is a HEIC photo (an iPhone&apos;s usual format), which imsmap does not read; share it as JPEG (iPhone: Settings &gt; Camera &gt; Formats &gt; Most Compatible).</source>
        <translation>%1 est une photo HEIC (le format habituel d&apos;un iPhone), qu&apos;imsmap ne lit pas; partagez-la en JPEG (iPhone&#xa0;: Réglages &gt; Appareil photo &gt; Formats &gt; Le plus compatible).</translation>
    </message>
    <message>
        <source>%1 is not a photo imsmap can read (it is not a %2 image).</source>
        <translation>%1 n&apos;est pas une photo qu&apos;imsmap peut lire (ce n&apos;est pas une image %2).</translation>
    </message>
    <message>
        <source>%1 declares a picture larger than imsmap opens (over %2 megapixels); a file like that can exhaust the computer&apos;s memory, so it was refused.</source>
        <translation>%1 déclare une image plus grande que ce qu&apos;imsmap ouvre (plus de %2 mégapixels); un tel fichier peut épuiser la mémoire de l&apos;ordinateur, il a donc été refusé.</translation>
    </message>
    <message>
        <source>%1 is incomplete (its picture data ends early); copy it again from the camera or phone.</source>
        <translation>%1 est incomplet (ses données d&apos;image s&apos;arrêtent trop tôt); copiez-le de nouveau depuis l&apos;appareil photo ou le téléphone.</translation>
    </message>
    <message>
        <source>%1 is damaged: its picture data cannot be decoded.</source>
        <translation>%1 est endommagé&#xa0;: ses données d&apos;image ne peuvent pas être décodées.</translation>
    </message>
</context>
<context>
    <name>PhotoPages</name>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), stored upright and without camera metadata</source>
        <translation>
            <numerusform>%n photo, conservée redressée et sans métadonnées de l&apos;appareil</numerusform>
            <numerusform>%n photos, conservées redressées et sans métadonnées de l&apos;appareil</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos added by amendment</source>
        <translation>Photos ajoutées par addenda</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Chart site</source>
        <translation>Point du schéma</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>sha256 (start)</source>
        <translation>sha256 (début)</translation>
    </message>
    <message>
        <source>The photos are kept with this record in imsmap; this clinic does not print them in session PDFs (clinic setting).</source>
        <translation>Les photos sont conservées avec ce dossier dans imsmap; cette clinique ne les imprime pas dans les PDF de séance (réglage de la clinique).</translation>
    </message>
    <message>
        <source>Added after signing by amendment</source>
        <translation>Ajoutée après la signature par addenda</translation>
    </message>
    <message>
        <source>Added after signing by amendment: %1, %2: %3</source>
        <translation>Ajoutée après la signature par addenda&#xa0;: %1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>site %1: %2 %3</source>
        <translation>point %1&#xa0;: %2 %3</translation>
    </message>
    <message>
        <source>Photo %1: %2</source>
        <translation>Photo %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Photo %1</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>This photo is attached to this session already (photo %1); nothing was added.</source>
        <translation>Cette photo est déjà jointe à cette séance (photo %1); rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>A session holds at most %1 photos.</source>
        <translation>Une séance contient au plus %1 photos.</translation>
    </message>
    <message>
        <source>Another amendment was added to this session in another window or program after you began adding this photo (%1), so the photo was not added yet. It is now shown with the session: read it, then press Add photo by amendment again to add the photo as chosen, or Cancel.</source>
        <translation>Un autre addenda a été ajouté à cette séance dans une autre fenêtre ou un autre programme après le début de l&apos;ajout de cette photo (%1); la photo n&apos;a donc pas encore été ajoutée. Il est maintenant affiché avec la séance&#xa0;: lisez-le, puis appuyez de nouveau sur Ajouter la photo par addenda pour ajouter la photo telle que choisie, ou sur Annuler.</translation>
    </message>
    <message>
        <source>Session %1 is a withdrawn draft: it is locked and takes no photo; nothing was added.</source>
        <translation>La séance %1 est un brouillon retiré&#xa0;: elle est verrouillée et ne reçoit aucune photo; rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>Session %1 is a draft: attach the photo to it directly; an amendment is only for a signed session. Nothing was added.</source>
        <translation>La séance %1 est un brouillon&#xa0;: joignez-y la photo directement; un addenda ne vaut que pour une séance signée. Rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>Session %1 is marked entered in error: it belongs to no one&apos;s treatment here and takes no photo; nothing was added.</source>
        <translation>La séance %1 est marquée consignée par erreur&#xa0;: elle n&apos;appartient au traitement de personne ici et ne reçoit aucune photo; rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>This database&apos;s schema is older than photos added by amendment; open it in this imsmap (it is upgraded) first. Nothing was added.</source>
        <translation>Le schéma de cette base de données est antérieur aux photos ajoutées par addenda; ouvrez-la d&apos;abord dans cet imsmap (elle est mise à niveau). Rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>A photo is taken off a session only when you confirm it.</source>
        <translation>Une photo n&apos;est retirée d&apos;une séance que lorsque vous le confirmez.</translation>
    </message>
    <message>
        <source>This draft&apos;s record was merged into %1; nothing is added to a record merged away, and nothing was added.</source>
        <translation>Le dossier de ce brouillon a été fusionné dans %1; rien n&apos;est ajouté à un dossier fusionné, et rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>The chart site must be given by its number.</source>
        <translation>Le point du schéma doit être donné par son numéro.</translation>
    </message>
    <message>
        <source>There is no site %1 to tie the photo to.</source>
        <translation>Il n&apos;y a pas de point %1 auquel lier la photo.</translation>
    </message>
    <message>
        <source>A photo is tied only to a site of its own session.</source>
        <translation>Une photo n&apos;est liée qu&apos;à un point de sa propre séance.</translation>
    </message>
    <message>
        <source>no photos (schema before 6)</source>
        <translation>aucune photo (schéma antérieur au 6)</translation>
    </message>
    <message>
        <source>photo %1 (session %2)</source>
        <translation>photo %1 (séance %2)</translation>
    </message>
    <message>
        <source>%1: its bytes are missing from the file</source>
        <translation>%1&#xa0;: ses octets manquent dans le fichier</translation>
    </message>
    <message>
        <source>%1: its bytes no longer match the sha256 recorded with it: they were changed outside imsmap</source>
        <translation>%1&#xa0;: ses octets ne correspondent plus au sha256 enregistré avec elle&#xa0;: ils ont été modifiés hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1: the audit trail has no entry recording its sha256</source>
        <translation>%1&#xa0;: le journal d&apos;audit n&apos;a aucune entrée qui enregistre son sha256</translation>
    </message>
    <message>
        <source>%1: its bytes do not match the sha256 the audit trail recorded when it was added</source>
        <translation>%1&#xa0;: ses octets ne correspondent pas au sha256 que le journal d&apos;audit a enregistré à son ajout</translation>
    </message>
    <message>
        <source>%1 photo(s)</source>
        <translation>%1 photo(s)</translation>
    </message>
</context>
<context>
    <name>Planning</name>
    <message>
        <source>This patient has no earlier signed visit to copy from.</source>
        <translation>Ce patient n&apos;a aucune visite antérieure signée d&apos;où copier.</translation>
    </message>
    <message>
        <source>Sites can only be copied from the same patient&apos;s sessions.</source>
        <translation>Les points ne peuvent être copiés que des séances du même patient.</translation>
    </message>
    <message>
        <source>The session of %1 has no sites to copy.</source>
        <translation>La séance du %1 n&apos;a aucun point à copier.</translation>
    </message>
    <message>
        <source>A protocol needs at least one site; this session has none.</source>
        <translation>Un protocole demande au moins un point; cette séance n&apos;en a aucun.</translation>
    </message>
    <message>
        <source>There is a protocol called %1 already.</source>
        <translation>Un protocole nommé %1 existe déjà.</translation>
    </message>
    <message>
        <source>There is no protocol with id %1.</source>
        <translation>Il n&apos;y a aucun protocole d&apos;identifiant %1.</translation>
    </message>
</context>
<context>
    <name>PrintChart</name>
    <message>
        <source>Patient&apos;s right</source>
        <translation>Droite du patient</translation>
    </message>
    <message>
        <source>Patient&apos;s left</source>
        <translation>Gauche du patient</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>IMS treatment record</source>
        <translation>Dossier de traitement SIM</translation>
    </message>
    <message>
        <source>Print preview — IMS treatment record</source>
        <translation>Aperçu avant impression — dossier de traitement SIM</translation>
    </message>
    <message>
        <source>Print IMS treatment record</source>
        <translation>Imprimer le dossier de traitement SIM</translation>
    </message>
    <message>
        <source>IMS progress report</source>
        <translation>Rapport d&apos;évolution SIM</translation>
    </message>
    <message>
        <source>Print preview — IMS progress report</source>
        <translation>Aperçu avant impression — rapport d&apos;évolution SIM</translation>
    </message>
    <message>
        <source>Print IMS progress report</source>
        <translation>Imprimer le rapport d&apos;évolution SIM</translation>
    </message>
</context>
<context>
    <name>ProgressCharts</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in %1</source>
        <translation>
            <numerusform>%n point en %1</numerusform>
            <numerusform>%n points en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Grasp summed over the signed sessions</source>
        <translation>Préhension cumulée sur les séances signées</translation>
    </message>
    <message>
        <source>Grasp:</source>
        <translation>Préhension&#xa0;:</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>Points&#xa0;:</translation>
    </message>
    <message>
        <source>latest: draft, not signed</source>
        <translation>dernière&#xa0;: brouillon, non signée</translation>
    </message>
    <message>
        <source>latest session</source>
        <translation>dernière séance</translation>
    </message>
    <message>
        <source>the one before</source>
        <translation>la précédente</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) back</source>
        <translation>
            <numerusform>il y a %n séance</numerusform>
            <numerusform>il y a %n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>needled on another chart</source>
        <translation>puncturé sur un autre schéma</translation>
    </message>
    <message>
        <source>No sites were recorded in these sessions.</source>
        <translation>Aucun point n&apos;a été consigné lors de ces séances.</translation>
    </message>
    <message>
        <source>Visit %1 is a draft, not signed: drawn on top as such, not in the heat map.</source>
        <translation>La visite&#xa0;%1 est un brouillon non signé&#xa0;: ses points sont dessinés par-dessus, hors de la carte thermique.</translation>
    </message>
    <message numerus="yes">
        <source>Not on the charts: %n draft(s), not signed (visit(s) %1).</source>
        <translation>
            <numerusform>Hors des schémas&#xa0;: %n&#xa0;brouillon non signé (visite&#xa0;%1).</numerusform>
            <numerusform>Hors des schémas&#xa0;: %n&#xa0;brouillons non signés (visites %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressMatrices</name>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (suite)</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Day, month</source>
        <translation>Jour, mois</translation>
    </message>
    <message>
        <source>draft</source>
        <comment>a visit not signed, in its column&apos;s header</comment>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>%1, visits %2-%3</source>
        <translation>%1, visites %2 à %3</translation>
    </message>
    <message>
        <source>Visits %1 to %2 (part %3 of %4)</source>
        <translation>Visites %1 à %2 (partie %3 de %4)</translation>
    </message>
    <message>
        <source>drafts</source>
        <comment>adjacent visits not signed, said once under their columns&apos; header</comment>
        <translation>brouillons</translation>
    </message>
    <message>
        <source>Strongest grasp of the muscle (per side; paraspinal sites per level) in the session: %1; – needled, not graded; blank: not needled. First→last: the first and the latest graded value of the signed visits (a draft, not signed, is compared with nothing); — graded fewer than twice.</source>
        <translation>Préhension la plus forte du muscle (par côté; points paravertébraux par niveau) lors de la séance&#xa0;: %1; – puncturé, non coté; vide&#xa0;: non puncturé. Première→dernière&#xa0;: la première et la plus récente valeur cotée des visites signées (un brouillon, non signé, n’est comparé à rien); — coté moins de deux fois.</translation>
    </message>
    <message>
        <source>Grasp by muscle and session</source>
        <translation>Préhension par muscle et par séance</translation>
    </message>
    <message>
        <source>First→ last</source>
        <translation>Première→ dernière</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>midline</source>
        <translation>ligne médiane</translation>
    </message>
    <message>
        <source>Sum of the grasp grades of the sites supplied by the root on that side (a muscle with several roots counts for each; paraspinal sites for their own level); 0: needled without grasp; blank: no site of that root. Darker is more.</source>
        <translation>Somme des cotes de préhension des points innervés par la racine de ce côté (un muscle à plusieurs racines compte pour chacune; les points paravertébraux pour leur propre niveau); 0&#xa0;: puncturé sans préhension; vide&#xa0;: aucun point de cette racine. Plus foncé, c&apos;est plus.</translation>
    </message>
    <message>
        <source>Summed grasp by root and side</source>
        <translation>Préhension cumulée par racine et par côté</translation>
    </message>
</context>
<context>
    <name>ProgressPdf</name>
    <message>
        <source>IMS progress report</source>
        <translation>Rapport d&apos;évolution SIM</translation>
    </message>
    <message>
        <source>Session %1 is not one of %2&apos;s (chart %3) sessions.</source>
        <translation>La séance %1 n&apos;est pas une séance de %2 (dossier %3).</translation>
    </message>
    <message>
        <source>%1 (chart %2) has no sessions to report on.</source>
        <translation>%1 (dossier %2) n&apos;a aucune séance à présenter.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>%1
Reg. no. %2</source>
        <translation>%1
N° de permis %2</translation>
    </message>
    <message>
        <source>Complaint (visit %1)</source>
        <translation>Motif (visite %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) amended after signing</source>
        <translation>
            <numerusform>%n visite avec addenda après la signature</numerusform>
            <numerusform>%n visites avec addenda après la signature</numerusform>
        </translation>
    </message>
    <message>
        <source>Intramuscular stimulation (Gunn IMS) / dry needling: the course of treatment</source>
        <translation>Stimulation intramusculaire (SIM de Gunn) / puncture sèche&#xa0;: l&apos;évolution du traitement</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>%1 (visits %2-%3)</source>
        <translation>%1 (visites %2 à %3)</translation>
    </message>
    <message>
        <source>%1 (visit %2)</source>
        <translation>%1 (visite %2)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Sessions in this report</source>
        <translation>Séances de ce rapport</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>all signed</source>
        <translation>toutes signées</translation>
    </message>
    <message>
        <source>site %1: %2</source>
        <translation>point %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s), not signed</source>
        <translation>
            <numerusform>%n brouillon, non signé</numerusform>
            <numerusform>%n brouillons, non signés</numerusform>
        </translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Complaint (latest session)</source>
        <translation>Motif (dernière séance)</translation>
    </message>
    <message numerus="yes">
        <source>Includes %n session(s) recorded under %1 (%2), a duplicate record merged into this one by %3, %4: %5.</source>
        <translation>
            <numerusform>Comprend %n séance consignée sous %1 (%2), un dossier en double fusionné dans celui-ci par %3, le %4&#xa0;: %5.</numerusform>
            <numerusform>Comprend %n séances consignées sous %1 (%2), un dossier en double fusionné dans celui-ci par %3, le %4&#xa0;: %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In this report: visit(s) %1.</source>
        <translation>
            <numerusform>Dans ce rapport&#xa0;: visite %1.</numerusform>
            <numerusform>Dans ce rapport&#xa0;: visites %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>At each insertion the practitioner grades how strongly the muscle grasps the needle (a shortened muscle grips it): %1. As the condition resolves, fewer muscles grasp and their grasp weakens; the patient scores pain from 0 to 10. For pain and grasp, lower numbers are better.</source>
        <translation>À chaque insertion, le praticien cote la force avec laquelle le muscle saisit l&apos;aiguille (un muscle raccourci l&apos;agrippe)&#xa0;: %1. À mesure que l&apos;affection se résorbe, moins de muscles sont en préhension et leur préhension s&apos;affaiblit; le patient cote sa douleur de 0 à 10. Pour la douleur et la préhension, un chiffre plus bas est meilleur.</translation>
    </message>
    <message>
        <source>How to read it</source>
        <translation>Comment le lire</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), oldest first</source>
        <translation>
            <numerusform>%n séance, la plus ancienne d&apos;abord</numerusform>
            <numerusform>%n séances, la plus ancienne d&apos;abord</numerusform>
        </translation>
    </message>
    <message>
        <source>chart %1</source>
        <translation>dossier %1</translation>
    </message>
    <message numerus="yes">
        <source>Left out of this report, with nothing needled yet: %n draft(s), started %1.</source>
        <translation>
            <numerusform>Exclu de ce rapport, rien n&apos;y étant encore puncturé&#xa0;: %n brouillon, commencé le %1.</numerusform>
            <numerusform>Exclus de ce rapport, rien n&apos;y étant encore puncturé&#xa0;: %n brouillons, commencés les %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out of this report, as not this patient&apos;s treatment: %n session(s) withdrawn or entered in error, started %1.</source>
        <translation>
            <numerusform>Laissée hors de ce rapport, n&apos;étant pas un traitement de ce patient&#xa0;: %n séance retirée ou consignée par erreur, commencée le %1.</numerusform>
            <numerusform>Laissées hors de ce rapport, n&apos;étant pas un traitement de ce patient&#xa0;: %n séances retirées ou consignées par erreur, commencées les %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change since the first session</source>
        <translation>Changement depuis la première séance</translation>
    </message>
    <message>
        <source>visit %1 → visit %2</source>
        <translation>visite %1 → visite %2</translation>
    </message>
    <message>
        <source>Pain and grasp over the sessions</source>
        <translation>Douleur et préhension au fil des séances</translation>
    </message>
    <message>
        <source>Where it grasped</source>
        <translation>Zones de préhension</translation>
    </message>
    <message>
        <source>heat: grasp summed over the signed sessions shown; markers: the latest sessions&apos; sites</source>
        <translation>chaleur&#xa0;: préhension cumulée (séances signées); marqueurs&#xa0;: dernières séances</translation>
    </message>
    <message>
        <source>Grasp by muscle and session</source>
        <translation>Préhension par muscle et par séance</translation>
    </message>
    <message>
        <source>strongest grasp per session</source>
        <translation>préhension la plus forte par séance</translation>
    </message>
    <message>
        <source>No needled sites.</source>
        <translation>Aucun point puncturé.</translation>
    </message>
    <message>
        <source>Summed grasp by root and side</source>
        <translation>Préhension cumulée par racine et par côté</translation>
    </message>
    <message>
        <source>the segmental view over time</source>
        <translation>la vue segmentaire dans le temps</translation>
    </message>
    <message>
        <source>No roots to show.</source>
        <translation>Aucune racine à présenter.</translation>
    </message>
    <message numerus="yes">
        <source>Not compared: %n draft(s), not signed (visit(s) %1).</source>
        <translation>
            <numerusform>Non comparé&#xa0;: %n&#xa0;brouillon non signé (visite&#xa0;%1).</numerusform>
            <numerusform>Non comparés&#xa0;: %n&#xa0;brouillons non signés (visites %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Fewer than two signed visits: no change is given.</source>
        <translation>Moins de deux visites signées&#xa0;: aucun changement n&apos;est indiqué.</translation>
    </message>
    <message>
        <source>%1 · Session %2</source>
        <translation>%1 · Séance du %2</translation>
    </message>
    <message>
        <source>%1 · Sessions on %2</source>
        <translation>%1 · Séances du %2</translation>
    </message>
    <message>
        <source>%1 · Sessions %2 to %3</source>
        <translation>%1 · Séances du %2 au %3</translation>
    </message>
    <message>
        <source>%1 — chart %2 — %3 to %4</source>
        <translation>%1 — dossier %2 — du %3 au %4</translation>
    </message>
    <message numerus="yes">
        <source>Progress over %n intramuscular stimulation (Gunn IMS) / dry needling session(s) for chart %1: pain, grasp by muscle and by root.</source>
        <translation>
            <numerusform>Évolution sur %n séance de stimulation intramusculaire (SIM de Gunn) / puncture sèche pour le dossier %1&#xa0;: douleur, préhension par muscle et par racine.</numerusform>
            <numerusform>Évolution sur %n séances de stimulation intramusculaire (SIM de Gunn) / puncture sèche pour le dossier %1&#xa0;: douleur, préhension par muscle et par racine.</numerusform>
        </translation>
    </message>
    <message>
        <source>IMS; dry needling; progress; chart %1</source>
        <translation>SIM; puncture sèche; évolution; dossier %1</translation>
    </message>
</context>
<context>
    <name>ProgressPhotos</name>
    <message numerus="yes">
        <source>%1 taken at %n visit(s) (%2): listed under Photos, at the end of this report.</source>
        <translation>
            <numerusform>%1 lors de %n visite (%2)&#xa0;: voir Photos, à la fin de ce rapport.</numerusform>
            <numerusform>%1 lors de %n visites (%2)&#xa0;: voir Photos, à la fin de ce rapport.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo %1 added: %2.</source>
        <translation>Photo %1 ajoutée&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Photo %1 added.</source>
        <translation>Photo %1 ajoutée.</translation>
    </message>
    <message>
        <source>%1 taken at visit %2: listed under Photos, at the end of this report.</source>
        <translation>%1 lors de la visite %2&#xa0;: voir Photos, à la fin de ce rapport.</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Chart site</source>
        <translation>Point du schéma</translation>
    </message>
    <message>
        <source>Small copies. Each photo is printed whole in its visit&apos;s session record (PDF), with the sha256 the record holds.</source>
        <translation>Copies réduites. Chaque photo est imprimée en entier dans le dossier de séance (PDF) de sa visite, avec l&apos;empreinte sha256 que conserve le dossier.</translation>
    </message>
    <message>
        <source>The photos are kept with each visit&apos;s record in imsmap; this clinic does not print them in its PDFs (clinic setting). Ask the clinic for them.</source>
        <translation>Les photos sont conservées avec le dossier de chaque visite dans imsmap; cette clinique ne les imprime pas dans ses PDF (réglage de la clinique). Demandez-les à la clinique.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1</source>
        <translation>
            <numerusform>%n photo, %1</numerusform>
            <numerusform>%n photos, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at %n visit(s)</source>
        <translation>
            <numerusform>lors de %n visite</numerusform>
            <numerusform>lors de %n visites</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>ProgressTables</name>
    <message>
        <source>Visit</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation>Douleur avant</translation>
    </message>
    <message>
        <source>Pain after</source>
        <translation>Douleur après</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Muscles grasping</source>
        <translation>Muscles en préhension</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>These visits were amended after signing. The figures, charts and grids of this report count the sites as the amendments corrected them (a grade, a cramp, a site recorded in error); what an amendment says in words only is not applied to them. Read each amendment with its visit&apos;s figures.</source>
        <translation>Ces visites ont reçu un addenda après la signature. Les chiffres, graphiques et grilles de ce rapport comptent les points tels que les addendas les ont corrigés (une cote, une crampe, un point consigné par erreur); ce qu&apos;un addenda dit seulement en mots n&apos;y est pas appliqué. Lisez chaque addenda avec les chiffres de sa visite.</translation>
    </message>
    <message>
        <source>Pain is compared with the first session in which it was recorded; negative changes are improvements. —: not recorded in one of the two visits, so no change is given.</source>
        <translation>La douleur est comparée à la première séance où elle a été consignée; un changement négatif est une amélioration. —&#xa0;: non consigné lors de l&apos;une des deux visites, donc aucun changement n&apos;est donné.</translation>
    </message>
    <message>
        <source>Unchanged grasp</source>
        <translation>Préhension inchangée</translation>
    </message>
    <message>
        <source>Recorded in error at visit %1</source>
        <translation>Consigné par erreur à la visite %1</translation>
    </message>
    <message>
        <source>Graded at one of the two</source>
        <translation>Cotés à une seule des deux</translation>
    </message>
    <message>
        <source>–: needled, not graded.</source>
        <translation>–&#xa0;: puncturé, non coté.</translation>
    </message>
    <message>
        <source>(visit N): the last visit that needled the muscle before visit %1, and its grasp there.</source>
        <translation>(visite N)&#xa0;: la dernière visite où le muscle a été puncturé avant la visite %1, et sa préhension à cette visite.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Grasp burden</source>
        <translation>Charge de préhension</translation>
    </message>
    <message>
        <source>Muscles in common with the visit before</source>
        <translation>Muscles en commun avec la visite précédente</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Pain 0–10. Muscles grasping: distinct muscles (per side; paraspinal sites per level) with a grasp of 1 or more, of those needled. Grasp burden: each muscle&apos;s strongest grade that day (0–3), added up; a muscle not needled, or not graded, adds nothing. Muscles in common with the visit before: the muscles needled at both visits, in percent of those needled at either (100% = the same muscles, 0% = none in common). —: not recorded; for the first visit, there is no visit before.</source>
        <translation>Douleur 0–10. Muscles en préhension&#xa0;: muscles distincts (par côté; points paravertébraux par niveau) avec une préhension de 1 ou plus, parmi ceux puncturés. Charge de préhension&#xa0;: la cote la plus forte de chaque muscle ce jour-là (0–3), additionnée; un muscle non puncturé ou non coté n&apos;ajoute rien. Muscles en commun avec la visite précédente&#xa0;: les muscles puncturés aux deux visites, en pourcentage de ceux puncturés à l&apos;une ou l&apos;autre (100&#xa0;% = les mêmes muscles, 0&#xa0;% = aucun en commun). —&#xa0;: non consigné; pour la première visite, il n&apos;y a pas de visite précédente.</translation>
    </message>
    <message>
        <source>The grasp burden falls as muscles release and grasps weaken, and rises only when a grasp is stronger or a new muscle grasps.</source>
        <translation>La charge de préhension baisse quand des muscles se relâchent et que les préhensions faiblissent, et n&apos;augmente que si une préhension est plus forte ou qu&apos;un nouveau muscle est en préhension.</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>avec addenda</translation>
    </message>
    <message>
        <source>Muscles in common are counted between signed visits: a draft, not signed, is compared with nothing (—), and the visit after it with the signed visit before.</source>
        <translation>Les muscles en commun sont comptés entre visites signées&#xa0;: un brouillon, non signé, n’est comparé à rien (—), et la visite qui le suit est comparée à la visite signée précédente.</translation>
    </message>
    <message>
        <source>Visit %1 (%2), amended %3 by %4. %5: %6</source>
        <translation>Visite %1 (%2), addenda du %3 par %4. %5&#xa0;: %6</translation>
    </message>
    <message>
        <source>Visit %1 (%2), amended %3 by %4. %5.</source>
        <translation>Visite %1 (%2), addenda du %3 par %4. %5.</translation>
    </message>
    <message>
        <source>Corrected: %1.</source>
        <translation>Corrigé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Amended visits</source>
        <translation>Visites avec addenda</translation>
    </message>
    <message>
        <source>Visit %1, %2</source>
        <translation>Visite %1, %2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source> (%1%)</source>
        <comment>a percentage after a change</comment>
        <translation> (%1&#xa0;%)</translation>
    </message>
    <message>
        <source>Pain before treatment</source>
        <translation>Douleur avant le traitement</translation>
    </message>
    <message>
        <source>Pain after treatment</source>
        <translation>Douleur après le traitement</translation>
    </message>
    <message>
        <source>Grasp burden (sum of grades)</source>
        <translation>Charge de préhension (somme des cotes)</translation>
    </message>
    <message>
        <source>Sites needled</source>
        <translation>Points puncturés</translation>
    </message>
    <message>
        <source>(visit %1)</source>
        <comment>the last visit that needled the muscle</comment>
        <translation>(visite %1)</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no muscles</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Muscles compared between visit %1 and visit %2 (strongest grasp in each):</source>
        <translation>Muscles comparés entre la visite %1 et la visite %2 (préhension la plus forte à chacune)&#xa0;:</translation>
    </message>
    <message>
        <source>Needled in visit %1, not %2</source>
        <translation>Puncturés à la visite %1, pas à la visite %2</translation>
    </message>
    <message>
        <source>Released (grasp → 0)</source>
        <translation>Relâchés (préhension → 0)</translation>
    </message>
    <message>
        <source>Weaker grasp</source>
        <translation>Préhension plus faible</translation>
    </message>
    <message>
        <source>Stronger grasp</source>
        <translation>Préhension plus forte</translation>
    </message>
</context>
<context>
    <name>Quoted</name>
    <message>
        <source>&apos;%1&apos;</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Unknown patient field(s): %1.</source>
        <translation>Champ(s) du patient inconnu(s)&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Chart number %1 belongs to another patient already.</source>
        <translation>Le numéro de dossier %1 appartient déjà à un autre patient.</translation>
    </message>
    <message>
        <source>Chart number %1 belongs to another patient already, written %2.</source>
        <translation>Le numéro de dossier %1 appartient déjà à un autre patient, écrit %2.</translation>
    </message>
    <message>
        <source>Unknown session field(s): %1.</source>
        <translation>Champ(s) de la séance inconnu(s)&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The registration number</source>
        <translation>Le numéro de permis</translation>
    </message>
    <message>
        <source>This record was merged into %1; start the session there.</source>
        <translation>Ce dossier a été fusionné dans %1; commencez la séance dans celui-ci.</translation>
    </message>
    <message>
        <source>Finding %1 is not one of: %2.</source>
        <translation>Le constat %1 n&apos;est pas l&apos;un de ceux-ci&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Adverse event %1 is not one of: %2.</source>
        <translation>L&apos;événement indésirable %1 n&apos;est pas l&apos;un de ceux-ci&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Severity %1 is not one of: %2.</source>
        <translation>La gravité %1 n&apos;est pas l&apos;une de celles-ci&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Unknown site field(s): %1.</source>
        <translation>Champ(s) du point inconnu(s)&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 %2 is not one of: %3.</source>
        <translation>%1 %2 ne fait pas partie de&#xa0;: %3.</translation>
    </message>
    <message>
        <source>There is no muscle at that point of the chart.</source>
        <translation>Il n&apos;y a aucun muscle à cet endroit du schéma.</translation>
    </message>
    <message>
        <source>There is no muscle at that point of the chart; the site stays where it was.</source>
        <translation>Il n&apos;y a aucun muscle à cet endroit du schéma; le point reste où il était.</translation>
    </message>
    <message>
        <source>%1 is not a segmental muscle, so a site on it has no level (%2); levels belong to multifidus and the other segmental muscles.</source>
        <translation>%1 n&apos;est pas un muscle segmentaire, donc un point sur ce muscle n&apos;a pas de niveau (%2); les niveaux appartiennent au multifide et aux autres muscles segmentaires.</translation>
    </message>
    <message>
        <source>%1 has no level %2: its levels are %3 to %4.</source>
        <translation>%1 n&apos;a pas de niveau %2&#xa0;: ses niveaux vont de %3 à %4.</translation>
    </message>
    <message>
        <source>The session was changed in another window while you were signing, so it was not signed: read it as it is now, then sign again.</source>
        <translation>La séance a été modifiée dans une autre fenêtre pendant que vous signiez; elle n&apos;a donc pas été signée&#xa0;: relisez-la telle qu&apos;elle est maintenant, puis signez de nouveau.</translation>
    </message>
    <message>
        <source>Site %1: a grasp grade is 0 to 3 (or none).</source>
        <translation>Point %1&#xa0;: une cote de préhension va de 0 à 3 (ou aucune).</translation>
    </message>
    <message>
        <source>Site %1: a correction of %2 is yes or no.</source>
        <translation>Point %1&#xa0;: une correction de %2 est oui ou non.</translation>
    </message>
    <message>
        <source>Only a signed session is amended; edit the draft directly.</source>
        <translation>Seule une séance signée reçoit un addenda; modifiez directement le brouillon.</translation>
    </message>
    <message>
        <source>This session is marked entered in error and counts in no figure: its sites are not corrected. Say in the amendment what you add.</source>
        <translation>Cette séance est marquée saisie par erreur et ne compte dans aucun chiffre&#xa0;: ses points ne sont pas corrigés. Dites dans l&apos;addenda ce que vous ajoutez.</translation>
    </message>
    <message>
        <source>Site id %1 is not a needled site of this session.</source>
        <translation>Le point d&apos;identifiant %1 n&apos;est pas un point puncturé de cette séance.</translation>
    </message>
    <message>
        <source>Site %1: %2 is not corrected by an amendment (only the grasp, the cramp and recorded in error are).</source>
        <translation>Point %1&#xa0;: %2 ne se corrige pas par un addenda (seuls la préhension, la crampe et « consigné par erreur » le sont).</translation>
    </message>
    <message>
        <source>Site %1 was recorded in error: it is not corrected further.</source>
        <translation>Le point %1 a été consigné par erreur&#xa0;: il n&apos;est plus corrigé.</translation>
    </message>
    <message>
        <source>Site %1: %2 is already that; nothing to correct.</source>
        <translation>Point %1&#xa0;: %2 a déjà cette valeur; rien à corriger.</translation>
    </message>
    <message>
        <source>site %1&apos;s %2</source>
        <translation>%2 du point %1</translation>
    </message>
    <message>
        <source>An amendment in another window or program corrected %1%2 after you began this one, so this amendment was not added; nothing was overwritten. Its corrections now start from the values as they are: check them, then add the amendment again.</source>
        <translation>Un addenda écrit dans une autre fenêtre ou un autre programme%2 a corrigé %1 après le début du vôtre; cet addenda n&apos;a donc pas été ajouté et rien n&apos;a été écrasé. Ses corrections partent maintenant des valeurs actuelles&#xa0;: vérifiez-les, puis ajoutez l&apos;addenda de nouveau.</translation>
    </message>
    <message>
        <source>by %1 at %2 – %3</source>
        <translation>par %1, le %2 – %3</translation>
    </message>
    <message>
        <source>Another amendment was added to this session in another window or program after you began this one (%1), so yours was not added yet. It is now shown with the session: read it, then press Add amendment again to add yours as typed, or Cancel.</source>
        <translation>Un autre addenda a été ajouté à cette séance dans une autre fenêtre ou un autre programme après le début du vôtre (%1); le vôtre n&apos;a donc pas encore été ajouté. Il est maintenant affiché avec la séance&#xa0;: lisez-le, puis appuyez de nouveau sur Ajouter l&apos;addenda pour ajouter le vôtre tel que saisi, ou sur Annuler.</translation>
    </message>
    <message>
        <source>This session was signed by %1 on %2 and is locked, so nothing was changed here; a correction is added as an amendment.</source>
        <translation>Cette séance a été signée par %1 le %2 et est verrouillée; rien n&apos;a donc été modifié ici. Une correction s&apos;ajoute par un addenda.</translation>
    </message>
    <message>
        <source>This draft was withdrawn by %1 on %2 (reason: %3) and is locked: nothing more is written to it, and nothing was changed here.</source>
        <translation>Ce brouillon a été retiré par %1 le %2 (raison&#xa0;: %3) et est verrouillé&#xa0;: rien n&apos;y est plus écrit, et rien n&apos;a été modifié ici.</translation>
    </message>
    <message>
        <source>This room&apos;s hold on this session ended with its connection to the clinic server (imsmap stopped answering, or the connection was lost), and %1 has opened it in %2 since, so nothing was changed here. What was saved here before is kept; it can be edited here once it is free or taken over.</source>
        <translation>Cette salle ne tient plus cette séance&#xa0;: elle l&apos;a perdue avec sa connexion au serveur de la clinique (imsmap ne répondait plus, ou la connexion a été perdue), et %1 l&apos;a ouverte depuis dans %2, donc rien n&apos;a été modifié ici. Ce qui avait été enregistré ici est conservé; elle pourra être modifiée ici une fois libérée ou reprise.</translation>
    </message>
    <message>
        <source>%1 has this session open in another imsmap window (%2), so nothing was changed here; it can be edited once it is closed there.</source>
        <translation>%1 a cette séance ouverte dans une autre fenêtre d&apos;imsmap (%2), donc rien n&apos;a été modifié ici; elle pourra être modifiée une fois fermée là-bas.</translation>
    </message>
    <message>
        <source>%1 has this session open in %2, so nothing was changed here; it can be edited once it is free or taken over.</source>
        <translation>%1 a cette séance ouverte dans %2, donc rien n&apos;a été modifié ici; elle pourra être modifiée une fois libérée ou reprise.</translation>
    </message>
    <message>
        <source>Only a signed session is marked entered in error; a draft started by mistake is withdrawn instead (Session &gt; Withdraw draft).</source>
        <translation>Seule une séance signée est marquée consignée par erreur; un brouillon commencé par erreur est plutôt retiré (Séance &gt; Retirer le brouillon).</translation>
    </message>
    <message>
        <source>This session is already marked entered in error; nothing was changed.</source>
        <translation>Cette séance est déjà marquée consignée par erreur; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Session %1 is signed and locked; a photo is added to it only by an amendment, with its reason. Nothing was added.</source>
        <translation>La séance %1 est signée et verrouillée; une photo n&apos;y est ajoutée que par un addenda, avec son motif. Rien n&apos;a été ajouté.</translation>
    </message>
</context>
<context>
    <name>RecordsPlace</name>
    <message>
        <source>Give the clinic server&apos;s address, for example postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full.</source>
        <translation>Donnez l&apos;adresse du serveur de la clinique, par exemple postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full.</translation>
    </message>
    <message>
        <source>not a choice imsmap wrote</source>
        <translation>ce n&apos;est pas un choix écrit par imsmap</translation>
    </message>
    <message>
        <source>The choice of where the clinic&apos;s records are kept, in %1, was found empty or cut short: the computer stopped while it was being saved. The records themselves are not in that file and are untouched; choose again where they are kept.</source>
        <translation>Le choix de l&apos;endroit où les dossiers de la clinique sont conservés, dans %1, a été trouvé vide ou tronqué&#xa0;: l&apos;ordinateur s&apos;est arrêté pendant son enregistrement. Les dossiers eux-mêmes ne sont pas dans ce fichier et sont intacts; choisissez de nouveau où ils sont conservés.</translation>
    </message>
    <message>
        <source>The choice of where the records are kept, in %1, cannot be read (%2); delete the file to be asked again.</source>
        <translation>Le choix de l&apos;endroit où les dossiers sont conservés, dans %1, ne peut pas être lu (%2); supprimez le fichier pour que la question soit posée de nouveau.</translation>
    </message>
    <message>
        <source>The choice of where the clinic&apos;s records are kept cannot be saved in %1 (%2); nothing was changed.</source>
        <translation>Le choix de l&apos;endroit où les dossiers de la clinique sont conservés ne peut pas être enregistré dans %1 (%2); rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <source>Enter the practitioner&apos;s registration number (from the college or board), or leave it out and sign without it.</source>
        <translation>Entrez le numéro de permis du praticien (de l&apos;ordre professionnel), ou laissez-le de côté et signez sans lui.</translation>
    </message>
    <message>
        <source>The clinic&apos;s list of practitioners gives %1 the registration number %2 (changed in another window or program meanwhile), not %3, so nothing was written: check which is right, then sign again.</source>
        <translation>La liste des praticiens de la clinique donne à %1 le numéro de permis %2 (modifié entre-temps dans une autre fenêtre ou un autre programme), et non %3; rien n&apos;a donc été enregistré. Vérifiez lequel est le bon, puis signez de nouveau.</translation>
    </message>
</context>
<context>
    <name>Release</name>
    <message>
        <source>full</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partiel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>ReportFrame</name>
    <message>
        <source>DRAFT</source>
        <comment>watermark across the page</comment>
        <translation>BROUILLON</translation>
    </message>
    <message>
        <source>%1 — DRAFT</source>
        <translation>%1 — BROUILLON</translation>
    </message>
    <message>
        <source>Document %1 · generated %2 · imsmap %3</source>
        <translation>Document %1 · produit le %2 · imsmap %3</translation>
    </message>
    <message>
        <source>%1 · DRAFT</source>
        <translation>%1 · BROUILLON</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 de %2</translation>
    </message>
    <message>
        <source>Confidential health information.</source>
        <translation>Renseignements de santé confidentiels.</translation>
    </message>
    <message>
        <source>The document could not be started (the file or printer cannot be written).</source>
        <translation>Le document n&apos;a pas pu être commencé (le fichier ou l&apos;imprimante ne peut pas être écrit).</translation>
    </message>
    <message>
        <source>A new page could not be started.</source>
        <translation>Une nouvelle page n&apos;a pas pu être commencée.</translation>
    </message>
    <message>
        <source>The paper size %1 is not one of A4, Letter.</source>
        <translation>Le format de papier %1 n&apos;est ni A4 ni Letter.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose an existing folder.</source>
        <translation>Le répertoire %1 n&apos;existe pas; choisissez un répertoire existant.</translation>
    </message>
</context>
<context>
    <name>ReportLayout</name>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (suite)</translation>
    </message>
</context>
<context>
    <name>RestorePoints</name>
    <message>
        <source>There is no folder %1: is the backup drive connected?</source>
        <translation>Le répertoire %1 n&apos;existe pas&#xa0;: le disque des sauvegardes est-il branché?</translation>
    </message>
    <message>
        <source>There is no imsmap backup in %1: choose the folder that holds the files named imsmap-backup-…</source>
        <translation>Il n&apos;y a aucune sauvegarde imsmap dans %1&#xa0;: choisissez le répertoire qui contient les fichiers nommés imsmap-backup-…</translation>
    </message>
    <message>
        <source>None of the backups in %1 is of the records in %2: they are of another database (the newest, %3, holds its records as of %4, backed up from %5). None is chosen for you: choose one explicitly to restore it in place of these records.</source>
        <translation>Aucune des sauvegardes de %1 n&apos;est celle des dossiers de %2&#xa0;: elles sont d&apos;une autre base de données (la plus récente, %3, contient ses dossiers en date du %4, faite à partir de %5). Aucune n&apos;est choisie pour vous&#xa0;: choisissez-en une explicitement pour la restaurer à la place de ces dossiers.</translation>
    </message>
    <message>
        <source>None of the backups in %1 is of the records in %2: they are of another database (the newest, %3, holds its records as of %4). None is chosen for you: choose one explicitly to restore it in place of these records.</source>
        <translation>Aucune des sauvegardes de %1 n&apos;est celle des dossiers de %2&#xa0;: elles sont d&apos;une autre base de données (la plus récente, %3, contient ses dossiers en date du %4). Aucune n&apos;est choisie pour vous&#xa0;: choisissez-en une explicitement pour la restaurer à la place de ces dossiers.</translation>
    </message>
    <message>
        <source>None of the backups of the records in %1 can be used (the newest: %2); the others in %3 are of another database: choose one explicitly to restore it in place of these records.</source>
        <translation>Aucune des sauvegardes des dossiers de %1 n&apos;est utilisable (la plus récente&#xa0;: %2); les autres de %3 sont d&apos;une autre base de données&#xa0;: choisissez-en une explicitement pour la restaurer à la place de ces dossiers.</translation>
    </message>
    <message>
        <source>None of the backups in %1 can be used; the newest: %2</source>
        <translation>Aucune des sauvegardes de %1 n&apos;est utilisable; la plus récente&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2</source>
        <translation>%1 ne peut pas être restaurée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Roots</name>
    <message>
        <source>CN</source>
        <translation>NC</translation>
    </message>
</context>
<context>
    <name>RowOrigins</name>
    <message>
        <source>the changes of %1 that its audit trail records do not follow on: audit entry %2 made it %3, and audit entry %4, the next change of it, says it was %5 before: one of them was written outside imsmap</source>
        <translation>les modifications de %1 que consigne sa piste d&apos;audit ne se suivent pas&#xa0;: l&apos;entrée d&apos;audit %2 lui a donné %3, et l&apos;entrée d&apos;audit %4, la modification suivante de ce champ, dit qu&apos;il valait %5 avant&#xa0;: l&apos;une d&apos;elles a été écrite hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1 is %2 on the clinic server, but the newest change of it that its audit trail records (audit entry %3) made it %4: it was changed outside imsmap</source>
        <translation>%1 vaut %2 sur le serveur de la clinique, mais la dernière modification de ce champ que consigne sa piste d&apos;audit (entrée d&apos;audit %3) lui a donné %4&#xa0;: ce champ a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1 is %2 in the file, but the newest change of it that its audit trail records (audit entry %3) made it %4: it was changed outside imsmap</source>
        <translation>%1 vaut %2 dans le fichier, mais la dernière modification de ce champ que consigne sa piste d&apos;audit (entrée d&apos;audit %3) lui a donné %4&#xa0;: ce champ a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>what it holds, with the %1 change(s) its audit trail records undone, is not what audit entry %2 recorded when it was created: it was changed outside imsmap</source>
        <translation>son contenu, après annulation de %1 modification(s) consignée(s) par sa piste d&apos;audit, n&apos;est pas celui que l&apos;entrée d&apos;audit %2 a consigné à la création&#xa0;: ce contenu a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>what it holds is not what audit entry %1 recorded when it was created, and its audit trail records no change of it since: it was changed outside imsmap</source>
        <translation>son contenu n&apos;est pas celui que l&apos;entrée d&apos;audit %1 a consigné à la création, et sa piste d&apos;audit n&apos;en consigne aucune modification depuis&#xa0;: ce contenu a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1 is %2 on the clinic server, but audit entry %3 created it %4 and its audit trail records no change of it since: it was changed outside imsmap</source>
        <translation>%1 vaut %2 sur le serveur de la clinique, mais l&apos;entrée d&apos;audit %3 a consigné %4 à la création, et sa piste d&apos;audit n&apos;en consigne aucune modification depuis&#xa0;: ce champ a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1 is %2 in the file, but audit entry %3 created it %4 and its audit trail records no change of it since: it was changed outside imsmap</source>
        <translation>%1 vaut %2 dans le fichier, mais l&apos;entrée d&apos;audit %3 a consigné %4 à la création, et sa piste d&apos;audit n&apos;en consigne aucune modification depuis&#xa0;: ce champ a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1 was %2 before the changes its audit trail records, but audit entry %3 created it %4: it was changed outside imsmap</source>
        <translation>%1 valait %2 avant les modifications que consigne sa piste d&apos;audit, mais l&apos;entrée d&apos;audit %3 a consigné %4 à la création&#xa0;: ce champ a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>its row was last written at %1, after the newest change its audit trail records (audit entry %2, at %3): it was changed outside imsmap, or the entries recording the change were cut off the end of the trail</source>
        <translation>sa ligne a été écrite pour la dernière fois le %1, après la dernière modification que consigne sa piste d&apos;audit (entrée d&apos;audit %2, le %3)&#xa0;: cette ligne a été modifiée hors d&apos;imsmap, ou les entrées qui consignaient la modification ont été retranchées de la fin de la piste</translation>
    </message>
    <message>
        <source>audit entry %1 created it in session %2, and it is in session %3 now: it was moved outside imsmap</source>
        <translation>l&apos;entrée d&apos;audit %1 l&apos;a créé dans la séance %2, et il est maintenant dans la séance %3&#xa0;: il a été déplacé hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune valeur)</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Informed consent is not recorded.</source>
        <translation>Le consentement éclairé n&apos;est pas consigné.</translation>
    </message>
    <message>
        <source>over the thorax: %1</source>
        <translation>sur le thorax&#xa0;: %1</translation>
    </message>
    <message>
        <source>near the pleura: %1</source>
        <translation>près de la plèvre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Muscles that can reach the pleura were needled (%1) but the pneumothorax risk discussion is not recorded.</source>
        <translation>Des muscles qui peuvent atteindre la plèvre ont été puncturés (%1), mais la discussion du risque de pneumothorax n&apos;est pas consignée.</translation>
    </message>
    <message>
        <source>%1 planned site(s) were not confirmed; they will be recorded as planned, not as insertions.</source>
        <translation>Point(s) prévu(s) non confirmé(s)&#xa0;: %1; ils seront consignés comme prévus, et non comme insertions.</translation>
    </message>
    <message>
        <source>No insertion sites are recorded.</source>
        <translation>Aucun point d&apos;insertion n&apos;est consigné.</translation>
    </message>
    <message>
        <source>%1 site(s) have no grasp grade: %2</source>
        <translation>Point(s) sans cote de préhension&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>The number of needles used is not recorded.</source>
        <translation>Le nombre d&apos;aiguilles utilisées n&apos;est pas consigné.</translation>
    </message>
    <message>
        <source>It is not recorded that all needles were accounted for and disposed of as sharps.</source>
        <translation>Il n&apos;est pas consigné que toutes les aiguilles ont été comptées et jetées dans le contenant à objets piquants.</translation>
    </message>
    <message>
        <source>Pain before treatment is not recorded.</source>
        <translation>La douleur avant le traitement n&apos;est pas consignée.</translation>
    </message>
    <message>
        <source>Pain after treatment is not recorded.</source>
        <translation>La douleur après le traitement n&apos;est pas consignée.</translation>
    </message>
    <message>
        <source>The practitioner is not recorded.</source>
        <translation>Le praticien n&apos;est pas consigné.</translation>
    </message>
    <message>
        <source>The registration number of the practitioner, %1, is not recorded.</source>
        <translation>Le numéro de permis du praticien, %1, n&apos;est pas consigné.</translation>
    </message>
    <message>
        <source>it is newer than this imsmap&apos;s atlas %1</source>
        <translation>il est plus récent que l&apos;atlas %1 de cet imsmap</translation>
    </message>
    <message>
        <source>today&apos;s atlas %3 lacks site(s) %2</source>
        <translation>l&apos;atlas %3 d&apos;aujourd&apos;hui n&apos;a pas le(s) point(s) %2</translation>
    </message>
</context>
<context>
    <name>SegmentTable</name>
    <message>
        <source>Root</source>
        <translation>Racine</translation>
    </message>
    <message>
        <source>Muscles (site numbers)</source>
        <translation>Muscles (numéros de points)</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 dominant)</source>
        <translation>%1 (racine dominante pour %2)</translation>
    </message>
    <message>
        <source>%1 (dominant)</source>
        <translation>%1 (racine dominante)</translation>
    </message>
    <message>
        <source>grasp %1</source>
        <translation>préhension %1</translation>
    </message>
    <message numerus="yes">
        <source>%n not graded</source>
        <translation>
            <numerusform>%n non coté</numerusform>
            <numerusform>%n non cotés</numerusform>
        </translation>
    </message>
    <message>
        <source>The marker shows the strongest grasp on that side. &apos;Dominant&apos;: sites for which this is the muscle&apos;s main root; other sites share the root with neighbours. Root ranges follow the body-chart catalogue (atlas %1); textbooks vary.</source>
        <translation>Le marqueur montre la préhension la plus forte de ce côté. «&#xa0;Dominante&#xa0;»&#xa0;: points pour lesquels c&apos;est la racine principale du muscle; les autres points partagent la racine avec leurs voisines. Les étendues radiculaires suivent le catalogue des schémas corporels (atlas %1); les manuels varient.</translation>
    </message>
    <message>
        <source>Segmental summary</source>
        <translation>Sommaire segmentaire</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>level not recorded</source>
        <translation>niveau non consigné</translation>
    </message>
    <message>
        <source>%1 is not a segment level such as C5, C8, T7 or L4.</source>
        <translation>%1 n&apos;est pas un niveau segmentaire comme C5, C8, T7 ou L4.</translation>
    </message>
</context>
<context>
    <name>Sensation</name>
    <message>
        <source>ache/cramp</source>
        <translation>douleur sourde/crampe</translation>
    </message>
    <message>
        <source>deep pressure</source>
        <translation>pression profonde</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>référée</translation>
    </message>
    <message>
        <source>electric/paraesthetic</source>
        <translation>électrique/paresthésique</translation>
    </message>
</context>
<context>
    <name>ServerChain</name>
    <message>
        <source>audit entries %1-%2 are missing</source>
        <translation>les entrées d&apos;audit %1 à %2 manquent</translation>
    </message>
    <message>
        <source>audit entry %1 (%2 %3 %4) was altered or an earlier entry was removed</source>
        <translation>l&apos;entrée d&apos;audit %1 (%2 %3 %4) a été altérée ou une entrée antérieure a été supprimée</translation>
    </message>
    <message>
        <source>the newest audit entries do not end where the trail recorded its end (entry %1; the last entry is %2): one was altered or removed</source>
        <translation>les entrées d&apos;audit les plus récentes ne se terminent pas là où le journal a consigné sa fin (entrée %1; la dernière entrée est %2)&#xa0;: l&apos;une d&apos;elles a été altérée ou supprimée</translation>
    </message>
    <message>
        <source>session %1: the audit trail holds no entry recording its signature</source>
        <translation>séance %1&#xa0;: le journal d&apos;audit n&apos;a aucune entrée qui consigne sa signature</translation>
    </message>
    <message>
        <source>session %1: its signature is not what audit entry %2 recorded when it was signed</source>
        <translation>séance %1&#xa0;: sa signature n&apos;est pas celle que l&apos;entrée d&apos;audit %2 a consignée à la signature</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>The saved server settings in %1 were found empty or cut short: the computer stopped while they were being saved. Give --dsn, which writes them again.</source>
        <translation>Les paramètres de serveur enregistrés dans %1 ont été trouvés vides ou tronqués&#xa0;: l&apos;ordinateur s&apos;est arrêté pendant leur enregistrement. Donnez --dsn, qui les réécrit.</translation>
    </message>
    <message>
        <source>The saved server settings in %1 cannot be read (%2); give --dsn, which writes them again.</source>
        <translation>Les paramètres de serveur enregistrés dans %1 ne peuvent pas être lus (%2); donnez --dsn, qui les réécrit.</translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>The connection to the clinic server was lost; open imsmap again.</source>
        <translation>La connexion au serveur de la clinique a été perdue; rouvrez imsmap.</translation>
    </message>
    <message>
        <source>The connection to the clinic server was lost and the server cannot be reached now (restarting, or the network is down); nothing was changed, and what was saved before is safe. Try again in a moment.</source>
        <translation>La connexion au serveur de la clinique a été perdue et le serveur est injoignable pour l&apos;instant (il redémarre, ou le réseau est coupé); rien n&apos;a été modifié, et ce qui a été enregistré avant est en sécurité. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The connection to the clinic server was lost while this change was being saved, so whether it was saved is not known; refresh (F5) and check it before going on.</source>
        <translation>La connexion au serveur de la clinique a été perdue pendant l&apos;enregistrement de cette modification, on ne sait donc pas si elle a été enregistrée; actualisez (F5) et vérifiez-la avant de continuer.</translation>
    </message>
    <message>
        <source>Signing in to the %1 was cancelled; nothing was opened.</source>
        <translation>La connexion à la %1 a été annulée; rien n&apos;a été ouvert.</translation>
    </message>
    <message>
        <source>clinic server schema %1</source>
        <translation>schéma du serveur de la clinique %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>la %2 (identifiant %1)</translation>
    </message>
    <message>
        <source>The %1 is open read-only; nothing can be changed.</source>
        <translation>La %1 est ouverte en lecture seule; rien ne peut être modifié.</translation>
    </message>
    <message>
        <source>Your login may not read the imsmap schema on the %1; ask the server&apos;s administrator to add you (imsmap server add-user).</source>
        <translation>Votre identifiant ne peut pas lire le schéma imsmap de la %1; demandez à l&apos;administrateur du serveur de vous ajouter (imsmap server add-user).</translation>
    </message>
    <message>
        <source>The %1 is not set up for imsmap; its administrator runs `imsmap server init` on it first.</source>
        <translation>La %1 n&apos;est pas configurée pour imsmap; son administrateur doit d&apos;abord y lancer «&#xa0;imsmap server init&#xa0;».</translation>
    </message>
    <message>
        <source>The %1 holds an older clinic server schema (%2) than this imsmap uses (%3); nothing was changed. Ask its administrator to upgrade the server (docs/clinic-server.md).</source>
        <translation>La %1 contient un schéma du serveur de la clinique plus ancien (%2) que celui qu&apos;utilise cet imsmap (%3); rien n&apos;a été modifié. Demandez à son administrateur de mettre le serveur à niveau (docs/clinic-server.md).</translation>
    </message>
    <message>
        <source>The %1 holds a newer clinic server schema (%2) than this imsmap knows (%3); nothing was changed. Update imsmap on this computer.</source>
        <translation>La %1 contient un schéma du serveur de la clinique plus récent (%2) que celui que connaît cet imsmap (%3); rien n&apos;a été modifié. Mettez imsmap à jour sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>ServerDsn</name>
    <message>
        <source>The clinic server needs psycopg, which is not installed: install imsmap with its server extra (pip install &apos;imsmap[server]&apos;).</source>
        <translation>Le serveur de la clinique a besoin de psycopg, qui n&apos;est pas installé&#xa0;: installez imsmap avec son extra server (pip install &apos;imsmap[server]&apos;).</translation>
    </message>
    <message>
        <source>The server address is not a valid PostgreSQL DSN (%1); write it as postgresql://USER@HOST:5432/DATABASE.</source>
        <translation>L&apos;adresse du serveur n&apos;est pas un DSN PostgreSQL valide (%1); écrivez-la sous la forme postgresql://UTILISATEUR@HÔTE:5432/BASE.</translation>
    </message>
    <message>
        <source>the local socket</source>
        <translation>socket local</translation>
    </message>
    <message>
        <source>database %1 on %2:%3</source>
        <translation>base de données %1 sur %2:%3</translation>
    </message>
</context>
<context>
    <name>ServerDump</name>
    <message>
        <source>%1, PostgreSQL&apos;s own program, is not installed on this computer; install PostgreSQL&apos;s client programs (Debian: postgresql-client) and try again. Nothing was written.</source>
        <translation>%1, le programme de PostgreSQL, n&apos;est pas installé sur cet ordinateur; installez les programmes clients de PostgreSQL (Debian&#xa0;: postgresql-client) et réessayez. Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>%1 failed (%2); no backup was written.</source>
        <translation>%1 a échoué (%2); aucune sauvegarde n&apos;a été écrite.</translation>
    </message>
    <message>
        <source>%1 already exists; give a new file name. Nothing was written.</source>
        <translation>%1 existe déjà; donnez un nouveau nom de fichier. Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first. Nothing was written.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord. Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Backing up the %1 and checking the backup in a scratch database needs the server&apos;s administrator&apos;s login (one that may create databases); nothing was written.</source>
        <translation>Sauvegarder la %1 et vérifier la sauvegarde dans une base de données temporaire demande l&apos;identifiant de l&apos;administrateur du serveur (un qui peut créer des bases de données); rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Restoring the backup into a scratch database to check it</source>
        <translation>Restauration de la sauvegarde dans une base de données temporaire pour la vérifier</translation>
    </message>
    <message>
        <source>the restored records are not as many as the server&apos;s</source>
        <translation>les dossiers restaurés ne sont pas aussi nombreux que ceux du serveur</translation>
    </message>
    <message>
        <source>The backup does not restore whole (%1); it was not kept.</source>
        <translation>La sauvegarde ne se restaure pas en entier (%1); elle n&apos;a pas été conservée.</translation>
    </message>
    <message>
        <source>%1 appeared while the backup was being made; a backup never overwrites a file, so that file was left as it is and this backup was not kept. Give a new file name and back up again.</source>
        <translation>%1 est apparu pendant la sauvegarde; une sauvegarde n&apos;écrase jamais un fichier : ce fichier a été laissé tel quel et cette sauvegarde n&apos;a pas été conservée. Donnez un nouveau nom de fichier et sauvegardez de nouveau.</translation>
    </message>
</context>
<context>
    <name>ServerFaults</name>
    <message>
        <source>The connection to the clinic server was lost while this change was being saved, so whether it was saved is not known; it has been read again: check it before going on.</source>
        <translation>La connexion au serveur de la clinique a été perdue pendant l&apos;enregistrement de cette modification, on ne sait donc pas si elle a été enregistrée; elle a été relue&#xa0;: vérifiez-la avant de continuer.</translation>
    </message>
</context>
<context>
    <name>ServerHolds</name>
    <message>
        <source>%1 had this session open in %2 when the clinic server went away; it is kept for that room until %3. It can be read here, and edited once it is free or taken over.</source>
        <translation>%1 avait cette séance ouverte dans %2 quand le serveur de la clinique est devenu inaccessible; elle est réservée à cette salle jusqu&apos;à %3. Elle peut être lue ici, et modifiée une fois libérée ou reprise.</translation>
    </message>
    <message>
        <source>You hold this session in %1.</source>
        <translation>Vous tenez cette séance dans %1.</translation>
    </message>
    <message>
        <source>%1 has this session open in %2 (since %3); it can be read here, and edited once it is free or taken over.</source>
        <translation>%1 a cette séance ouverte dans %2 (depuis %3); elle peut être lue ici, et modifiée une fois libérée ou reprise.</translation>
    </message>
    <message>
        <source>A room&apos;s name is 1 to %1 characters (for example Room 2).</source>
        <translation>Le nom d&apos;une salle compte de 1 à %1 caractères (par exemple Salle 2).</translation>
    </message>
</context>
<context>
    <name>ServerListen</name>
    <message>
        <source>The connection to the clinic server was lost; reconnecting.</source>
        <translation>La connexion au serveur de la clinique a été perdue; reconnexion en cours.</translation>
    </message>
</context>
<context>
    <name>ServerReconnect</name>
    <message>
        <source>The clinic server cannot be reached now (it is restarting, or the network is down), so nothing was changed, and what was saved before is safe; imsmap is connecting again.</source>
        <translation>Le serveur de la clinique est injoignable pour l&apos;instant (il redémarre, ou le réseau est coupé), donc rien n&apos;a été modifié, et ce qui a été enregistré avant est en sécurité; imsmap se reconnecte.</translation>
    </message>
    <message>
        <source>The clinic server cannot be reached now, so nothing was changed; imsmap is connecting again.</source>
        <translation>Le serveur de la clinique est injoignable pour l&apos;instant, donc rien n&apos;a été modifié; imsmap se reconnecte.</translation>
    </message>
</context>
<context>
    <name>ServerRefusals</name>
    <message>
        <source>The %1 does not offer TLS, but the connection settings require it (sslmode); nothing was done. Set up TLS on the server (docs/clinic-server.md).</source>
        <translation>La %1 n&apos;offre pas TLS, mais les paramètres de connexion l&apos;exigent (sslmode); rien n&apos;a été fait. Configurez TLS sur le serveur (docs/clinic-server.md).</translation>
    </message>
    <message>
        <source>The TLS connection to the %1 was refused (%2); nothing was done. Check sslrootcert and that the server&apos;s certificate names this host.</source>
        <translation>La connexion TLS à la %1 a été refusée (%2); rien n&apos;a été fait. Vérifiez sslrootcert et que le certificat du serveur nomme cet hôte.</translation>
    </message>
    <message>
        <source>The %1 refused the login (the user name, the password or the database&apos;s name is wrong); nothing was done. Check them.</source>
        <translation>La %1 a refusé la connexion (le nom d&apos;utilisateur, le mot de passe ou le nom de la base de données est erroné); rien n&apos;a été fait. Vérifiez-les.</translation>
    </message>
    <message>
        <source>The %1 asks for a password and none was given; nothing was done. Give it when asked, or keep it in ~/.pgpass (mode 600).</source>
        <translation>La %1 demande un mot de passe et aucun n&apos;a été donné; rien n&apos;a été fait. Donnez-le quand il est demandé, ou gardez-le dans ~/.pgpass (mode 600).</translation>
    </message>
    <message>
        <source>The %1 turned this login away before asking for a password (it is starting up or shutting down, or pg_hba.conf does not allow this login from this computer); nothing was done. Try again in a moment, or ask the server&apos;s administrator to allow it.</source>
        <translation>La %1 a refusé cette connexion avant de demander un mot de passe (elle démarre ou s&apos;arrête, ou pg_hba.conf ne permet pas cette connexion depuis cet ordinateur); rien n&apos;a été fait. Réessayez dans un moment, ou demandez à l&apos;administrateur du serveur de la permettre.</translation>
    </message>
    <message>
        <source>The %1 has no free connections (max_connections); nothing was done. Close imsmap in a room not in use, or ask the server&apos;s administrator.</source>
        <translation>La %1 n&apos;a plus de connexions libres (max_connections); rien n&apos;a été fait. Fermez imsmap dans une salle inutilisée, ou adressez-vous à l&apos;administrateur du serveur.</translation>
    </message>
    <message>
        <source>This computer stopped in the middle of saving this change (asleep, or imsmap not answering), so the clinic server ended that save to let the other rooms write: nothing of it was saved, and what was saved before is safe. Make the change again.</source>
        <translation>Cet ordinateur s&apos;est arrêté au milieu de l&apos;enregistrement de cette modification (en veille, ou imsmap ne répondait plus), donc le serveur de la clinique a interrompu cet enregistrement pour laisser les autres salles écrire&#xa0;: rien n&apos;en a été enregistré, et ce qui était enregistré avant est en sécurité. Refaites la modification.</translation>
    </message>
    <message>
        <source>The %1 is starting up or shutting down; nothing was done. Try again in a moment.</source>
        <translation>La %1 démarre ou s&apos;arrête; rien n&apos;a été fait. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The %1 could not be reached (%2); nothing was done. Check that PostgreSQL is running there and that the address and port are right.</source>
        <translation>La %1 est injoignable (%2); rien n&apos;a été fait. Vérifiez que PostgreSQL y fonctionne et que l&apos;adresse et le port sont justes.</translation>
    </message>
    <message>
        <source>This session is signed and locked; add an amendment instead.</source>
        <translation>Cette séance est signée et verrouillée; ajoutez plutôt un addenda.</translation>
    </message>
    <message>
        <source>This draft was withdrawn and is locked; nothing more is written to it, and nothing was changed.</source>
        <translation>Ce brouillon a été retiré et est verrouillé; rien n&apos;y est plus écrit, et rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>This record was changed in another room while you had it open; your change was not saved. It has been read again.</source>
        <translation>Ce dossier a été modifié dans une autre salle pendant que vous l&apos;aviez ouvert; votre modification n&apos;a pas été enregistrée. Il a été relu.</translation>
    </message>
    <message>
        <source>The server refused the change (%1); nothing was changed.</source>
        <translation>Le serveur a refusé la modification (%1); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The server refused this to your login (%1); nothing was changed.</source>
        <translation>Le serveur refuse ceci à votre identifiant (%1); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Another room changed the same records at the same moment; nothing was changed. Try again.</source>
        <translation>Une autre salle a modifié les mêmes dossiers au même moment; rien n&apos;a été modifié. Réessayez.</translation>
    </message>
    <message>
        <source>The clinic server&apos;s disk is full, so this change was not saved (nothing of it was written; what was saved before is safe). Ask the server&apos;s administrator to free space.</source>
        <translation>Le disque du serveur de la clinique est plein, donc cette modification n&apos;a pas été enregistrée (rien n&apos;en a été écrit; ce qui a été enregistré avant est en sécurité). Demandez à l&apos;administrateur du serveur de libérer de l&apos;espace.</translation>
    </message>
    <message>
        <source>The clinic server ran out of memory; nothing was changed. Try again, and tell the server&apos;s administrator if it happens again.</source>
        <translation>Le serveur de la clinique a manqué de mémoire; rien n&apos;a été modifié. Réessayez, et avertissez l&apos;administrateur du serveur si cela se reproduit.</translation>
    </message>
    <message>
        <source>The connection to the clinic server was lost; what was not saved was not kept, and what was saved is safe. Check the network and try again.</source>
        <translation>La connexion au serveur de la clinique a été perdue; ce qui n&apos;était pas enregistré n&apos;a pas été conservé, et ce qui était enregistré est en sécurité. Vérifiez le réseau et réessayez.</translation>
    </message>
    <message>
        <source>The clinic server is restarting; nothing was changed. Try again in a moment.</source>
        <translation>Le serveur de la clinique redémarre; rien n&apos;a été modifié. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The clinic server cannot be reached; nothing was changed. Check the network and that the server is running.</source>
        <translation>Le serveur de la clinique est injoignable; rien n&apos;a été modifié. Vérifiez le réseau et que le serveur fonctionne.</translation>
    </message>
    <message>
        <source>The clinic server stopped this because it took too long; nothing was changed. Try again.</source>
        <translation>Le serveur de la clinique a arrêté cette opération parce qu&apos;elle prenait trop de temps; rien n&apos;a été modifié. Réessayez.</translation>
    </message>
    <message>
        <source>Another room or program is writing on the clinic server right now, so nothing was changed here. Try again in a moment.</source>
        <translation>Une autre salle ou un autre programme enregistre sur le serveur de la clinique en ce moment, donc rien n&apos;a été modifié ici. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The clinic server is read-only now (a standby, or recovering); nothing was changed. Ask the server&apos;s administrator.</source>
        <translation>Le serveur de la clinique est maintenant en lecture seule (un serveur de secours, ou en récupération); rien n&apos;a été modifié. Adressez-vous à l&apos;administrateur du serveur.</translation>
    </message>
</context>
<context>
    <name>ServerRestore</name>
    <message>
        <source>%1 is not a backup of an imsmap clinic server (pg_dump&apos;s custom format, as `imsmap backup --dsn` writes it); nothing was changed.</source>
        <translation>%1 n&apos;est pas une sauvegarde d&apos;un serveur de clinique imsmap (le format personnalisé de pg_dump, tel qu&apos;«&#xa0;imsmap backup --dsn&#xa0;» l&apos;écrit); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup %1 cannot be read whole (pg_restore stopped); it may be cut short or damaged. Nothing was changed.</source>
        <translation>La sauvegarde %1 ne peut pas être lue en entier (pg_restore s&apos;est arrêté); elle est peut-être tronquée ou endommagée. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The %2 is open in %1 connection(s) (%3); close imsmap in every room (and any other program using it), then restore again. Nothing was changed.</source>
        <translation>La %2 est ouverte dans %1 connexion(s) (%3); fermez imsmap dans chaque salle (et tout autre programme qui l&apos;utilise), puis restaurez de nouveau. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The %1 is an imsmap clinic with no patient and no session yet (%2 audit entries), and nothing was changed. To replace it with the backup, add --force; it will be set aside on the server under a new name.</source>
        <translation>La %1 est une clinique imsmap sans patient ni séance encore (entrées d&apos;audit&#xa0;: %2), et rien n&apos;a été modifié. Pour la remplacer par la sauvegarde, ajoutez --force; elle sera mise de côté sur le serveur sous un nouveau nom.</translation>
    </message>
    <message>
        <source>The %1 holds records (%2 patients, %3 sessions, %4 audit entries), and nothing was changed. To replace it with the backup, add --force; the current database will be kept on the server under a new name.</source>
        <translation>La %1 contient des dossiers (patients&#xa0;: %2, séances&#xa0;: %3, entrées d&apos;audit&#xa0;: %4), et rien n&apos;a été modifié. Pour la remplacer par la sauvegarde, ajoutez --force; la base de données actuelle sera gardée sur le serveur sous un nouveau nom.</translation>
    </message>
    <message>
        <source>The %1 holds %2, and nothing was changed. To replace it with the backup, add --force; the current database will be kept on the server under a new name.</source>
        <translation>La %1 contient %2, et rien n&apos;a été modifié. Pour la remplacer par la sauvegarde, ajoutez --force; la base de données actuelle sera gardée sur le serveur sous un nouveau nom.</translation>
    </message>
    <message>
        <source>%1 is not a file; give the backup file `imsmap backup --dsn` wrote. Nothing was changed.</source>
        <translation>%1 n&apos;est pas un fichier; donnez le fichier de sauvegarde écrit par «&#xa0;imsmap backup --dsn&#xa0;». Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is not a backup of a clinic server (pg_dump&apos;s custom format, as `imsmap backup --dsn` writes it); nothing was changed.</source>
        <translation>%1 n&apos;est pas une sauvegarde d&apos;un serveur de clinique (le format personnalisé de pg_dump, tel qu&apos;«&#xa0;imsmap backup --dsn&#xa0;» l&apos;écrit); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Name the clinic&apos;s database in the DSN (postgresql://USER@HOST/DATABASE); nothing was changed.</source>
        <translation>Nommez la base de données de la clinique dans le DSN (postgresql://UTILISATEUR@HÔTE/BASE); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Restoring the %1 needs the server&apos;s administrator&apos;s login (one that may create databases); nothing was changed.</source>
        <translation>Restaurer la %1 demande l&apos;identifiant de l&apos;administrateur du serveur (un qui peut créer des bases de données); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The server has no role %1, which the backup&apos;s records belong to; restore the roles first (psql -f the file of pg_dumpall --roles-only) and try again. Nothing was changed.</source>
        <translation>Le serveur n&apos;a pas de rôle %1, auquel appartiennent les dossiers de la sauvegarde; restaurez d&apos;abord les rôles (psql -f le fichier de pg_dumpall --roles-only) et réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup does not restore (%1); nothing was changed.</source>
        <translation>La sauvegarde ne se restaure pas (%1); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The server refused to put the restored database in place of the %1 (%2); nothing was changed.</source>
        <translation>Le serveur a refusé de mettre la base de données restaurée à la place de la %1 (%2); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup holds clinic server schema %1 and could not be upgraded to %2 (%3); nothing was changed.</source>
        <translation>La sauvegarde contient le schéma du serveur de la clinique %1 et n&apos;a pas pu être mise à niveau au schéma %2 (%3); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup holds clinic server schema %1; this imsmap works with %2, so nothing was changed. Restore it with the imsmap that made it.</source>
        <translation>La sauvegarde contient le schéma du serveur de la clinique %1; cet imsmap fonctionne avec %2, donc rien n&apos;a été modifié. Restaurez-la avec l&apos;imsmap qui l&apos;a faite.</translation>
    </message>
    <message>
        <source>The backup does not restore whole (%1); nothing was changed.</source>
        <translation>La sauvegarde ne se restaure pas en entier (%1); rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>ServerSchema</name>
    <message>
        <source>This server is at clinic server schema %1, newer than this imsmap knows (%2); update imsmap.</source>
        <translation>Ce serveur est au schéma du serveur de la clinique %1, plus récent que ce que connaît cet imsmap (%2); mettez imsmap à jour.</translation>
    </message>
    <message>
        <source>The %1 runs PostgreSQL %2; imsmap needs 15 or newer. Nothing was created.</source>
        <translation>La %1 fonctionne avec PostgreSQL %2; imsmap demande la version 15 ou plus récente. Rien n&apos;a été créé.</translation>
    </message>
    <message>
        <source>The %1 stores text as %2; imsmap needs a UTF8 database (createdb -E UTF8 -T template0). Nothing was created.</source>
        <translation>La %1 enregistre le texte en %2; imsmap demande une base de données UTF8 (createdb -E UTF8 -T template0). Rien n&apos;a été créé.</translation>
    </message>
    <message>
        <source>The %1 is not empty (it holds %2); `imsmap server init` sets up only an empty database, so nothing was changed. Create a new database for the clinic (createdb) and give that.</source>
        <translation>La %1 n&apos;est pas vide (elle contient %2); «&#xa0;imsmap server init&#xa0;» ne configure qu&apos;une base de données vide, donc rien n&apos;a été modifié. Créez une nouvelle base de données pour la clinique (createdb) et donnez celle-là.</translation>
    </message>
    <message>
        <source>The login %1 may not create roles; run `imsmap server init` as the server&apos;s superuser (postgres) or a role with CREATEROLE. Nothing was created.</source>
        <translation>L&apos;identifiant %1 ne peut pas créer de rôles; lancez «&#xa0;imsmap server init&#xa0;» comme superutilisateur du serveur (postgres) ou avec un rôle qui a CREATEROLE. Rien n&apos;a été créé.</translation>
    </message>
    <message>
        <source>The %1 refused to set up the clinic (%2); nothing was created.</source>
        <translation>La %1 a refusé de configurer la clinique (%2); rien n&apos;a été créé.</translation>
    </message>
    <message>
        <source>The %1 is not set up for imsmap; run `imsmap server init` on it first.</source>
        <translation>La %1 n&apos;est pas configurée pour imsmap; lancez d&apos;abord «&#xa0;imsmap server init&#xa0;» sur celle-ci.</translation>
    </message>
    <message>
        <source>The %1 refused to upgrade imsmap&apos;s schema (%2); the schema is still %3. Run `imsmap server upgrade` as the server&apos;s superuser.</source>
        <translation>La %1 a refusé la mise à niveau du schéma d&apos;imsmap (%2); le schéma est toujours %3. Lancez `imsmap server upgrade` comme superutilisateur du serveur.</translation>
    </message>
    <message>
        <source>The %1 has clinic server schema %2; this imsmap works with %3. Update imsmap (or the server&apos;s schema).</source>
        <translation>La %1 a le schéma du serveur de la clinique %2; cet imsmap fonctionne avec %3. Mettez imsmap à jour (ou le schéma du serveur).</translation>
    </message>
</context>
<context>
    <name>ServerTransfer</name>
    <message>
        <source>%1 has database schema %2; this imsmap moves schema %3. Open it once in this imsmap (it is upgraded in place, every record kept), then migrate. Nothing was moved.</source>
        <translation>%1 a le schéma de base de données %2; cet imsmap déplace le schéma %3. Ouvrez-le une fois dans cet imsmap (il est mis à niveau sur place, chaque dossier conservé), puis lancez la migration. Rien n&apos;a été déplacé.</translation>
    </message>
    <message>
        <source>The login used here is not the owner of the clinic&apos;s tables on the %1; run migrate as the server&apos;s superuser. Nothing was moved.</source>
        <translation>L&apos;identifiant utilisé ici n&apos;est pas le propriétaire des tables de la clinique sur la %1; lancez migrate comme superutilisateur du serveur. Rien n&apos;a été déplacé.</translation>
    </message>
    <message>
        <source>Moving %1 onto the %2 stopped (%3); the server keeps nothing of it and the file is unchanged. Fix the cause and run migrate again.</source>
        <translation>Le déplacement de %1 sur la %2 s&apos;est arrêté (%3); le serveur n&apos;en garde rien et le fichier est inchangé. Corrigez la cause et relancez migrate.</translation>
    </message>
    <message>
        <source>The %1 refused a record of %2 (%3); the server keeps nothing of it and the file is unchanged.</source>
        <translation>La %1 a refusé un enregistrement de %2 (%3); le serveur n&apos;en garde rien et le fichier est inchangé.</translation>
    </message>
    <message>
        <source>The %1 already holds records (%2 patients, %3 sessions, %4 audit entries, %5 settings); migrate moves a clinic only onto a newly initialised server. Nothing was moved.</source>
        <translation>La %1 contient déjà des dossiers (patients&#xa0;: %2, séances&#xa0;: %3, entrées d&apos;audit&#xa0;: %4, réglages&#xa0;: %5); migrate ne déplace une clinique que sur un serveur nouvellement initialisé. Rien n&apos;a été déplacé.</translation>
    </message>
    <message>
        <source>After copying, %1 row %2 on the server differs from %3&apos;s; the server keeps nothing of it and the file is unchanged. Report this.</source>
        <translation>Après la copie, la ligne %2 de %1 sur le serveur diffère de celle de %3; le serveur n&apos;en garde rien et le fichier est inchangé. Signalez-le.</translation>
    </message>
    <message>
        <source>%1 %2 rows were copied but %3 compared; the server keeps nothing. Report this.</source>
        <translation>%1&#xa0;: %2 lignes copiées mais %3 comparées; le serveur ne garde rien. Signalez-le.</translation>
    </message>
    <message>
        <source>the server&apos;s trail ends at entry %1, the file&apos;s at %2, with different links</source>
        <translation>le journal du serveur se termine à l&apos;entrée %1, celui du fichier à %2, avec des maillons différents</translation>
    </message>
    <message>
        <source>After copying %1, the server&apos;s records did not check: %2. The server keeps nothing of it and the file is unchanged.</source>
        <translation>Après la copie de %1, les dossiers du serveur n&apos;ont pas passé la vérification&#xa0;: %2. Le serveur n&apos;en garde rien et le fichier est inchangé.</translation>
    </message>
    <message>
        <source>The server holds a different number of %1 rows than the file after copying; it keeps nothing. Report this.</source>
        <translation>Le serveur contient un nombre de lignes de %1 différent de celui du fichier après la copie; il ne garde rien. Signalez-le.</translation>
    </message>
</context>
<context>
    <name>ServerUsers</name>
    <message>
        <source>The login name %1 cannot be used: write 2 to 63 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter (for example anna.nguyen).</source>
        <translation>L&apos;identifiant %1 ne peut pas être utilisé&#xa0;: écrivez de 2 à 63 lettres minuscules, chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;», en commençant par une lettre (par exemple anna.nguyen).</translation>
    </message>
    <message>
        <source>The login name %1 is reserved; choose another.</source>
        <translation>L&apos;identifiant %1 est réservé; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>Le mot de passe doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The password may not begin or end with a space or hold a line break.</source>
        <translation>Le mot de passe ne peut ni commencer ni finir par une espace, ni contenir de saut de ligne.</translation>
    </message>
    <message>
        <source>The role %1 is not one of %2.</source>
        <translation>Le rôle %1 ne fait pas partie de %2.</translation>
    </message>
    <message>
        <source>The %1 already has a login named %2; nothing was changed. Choose another name.</source>
        <translation>La %1 a déjà un identifiant nommé %2; rien n&apos;a été modifié. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The login used here may not create logins on the %1; run add-user as the server&apos;s superuser or a role with CREATEROLE. Nothing was changed.</source>
        <translation>L&apos;identifiant utilisé ici ne peut pas créer d&apos;identifiants sur la %1; lancez add-user comme superutilisateur du serveur ou avec un rôle qui a CREATEROLE. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>ServerVersions</name>
    <message>
        <source>practitioner</source>
        <translation>praticien</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>session</source>
        <translation>séance</translation>
    </message>
    <message>
        <source>site</source>
        <translation>point</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>constatation</translation>
    </message>
    <message>
        <source>adverse event</source>
        <translation>événement indésirable</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>protocole</translation>
    </message>
    <message>
        <source>protocol site</source>
        <translation>point de protocole</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>réglage</translation>
    </message>
    <message>
        <source>This %1 was changed in another room while you had it open, so your change was not saved and theirs was kept; it has been read again: make your change again if it is still needed.</source>
        <translation>Cet élément (%1) a été modifié dans une autre salle pendant que vous l&apos;aviez ouvert, donc votre modification n&apos;a pas été enregistrée et celle de l&apos;autre salle a été gardée; il a été relu&#xa0;: refaites votre modification si elle est encore nécessaire.</translation>
    </message>
    <message>
        <source>There is no %1 %2 on the server.</source>
        <translation>Le serveur n&apos;a aucun élément «&#xa0;%1&#xa0;» d&apos;identifiant %2.</translation>
    </message>
    <message>
        <source>The server does not let your login change this %1; nothing was changed.</source>
        <translation>Le serveur ne permet pas à votre identifiant de modifier cet élément (%1); rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>SessionCharts</name>
    <message>
        <source>%1 — %2 layer</source>
        <translation>%1 — couche %2</translation>
    </message>
    <message numerus="yes">
        <source>site(s) %1</source>
        <translation>
            <numerusform>point %1</numerusform>
            <numerusform>points %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non cotée</translation>
    </message>
    <message>
        <source>cramp felt</source>
        <translation>crampe ressentie</translation>
    </message>
    <message>
        <source>planned, not needled</source>
        <translation>prévu, non puncturé</translation>
    </message>
    <message>
        <source>Grasp:</source>
        <translation>Préhension&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SessionPdf</name>
    <message>
        <source>Recorded on atlas %1 (the version this signed record names): the muscles, roots, levels, thorax tiers and the segmental summary follow that catalogue; the body charts are drawn with atlas %2, each site where it was tapped.</source>
        <translation>Consigné avec l&apos;atlas %1 (la version que nomme ce dossier signé)&#xa0;: les muscles, racines, niveaux, risques thoraciques et le sommaire segmentaire suivent ce catalogue; les schémas corporels sont tracés avec l&apos;atlas %2, chaque point là où il a été touché.</translation>
    </message>
    <message>
        <source>Recorded on atlas %1, which this imsmap does not carry: the muscles, roots, thorax tiers and the segmental summary below follow atlas %2 and may differ from the document as signed.</source>
        <translation>Consigné avec l&apos;atlas %1, que cet imsmap ne contient pas&#xa0;: les muscles, racines, risques thoraciques et le sommaire segmentaire ci-dessous suivent l&apos;atlas %2 et peuvent différer du document tel que signé.</translation>
    </message>
    <message>
        <source>%1 (+%2 planned)</source>
        <translation>%1 (+%2 prévus)</translation>
    </message>
    <message>
        <source>of which %1 recorded in error</source>
        <translation>dont consignés par erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Signed %1</source>
        <translation>Signée le %1</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signée</translation>
    </message>
    <message>
        <source>DRAFT — not signed</source>
        <translation>BROUILLON — non signée</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR</source>
        <translation>CONSIGNÉE PAR ERREUR</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>RETIRÉ</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s), below</source>
        <translation>
            <numerusform>%n addenda, plus bas</numerusform>
            <numerusform>%n addendas, plus bas</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Chart number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Session date and time</source>
        <translation>Date et heure de la séance</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Pain before → after (0–10)</source>
        <translation>Douleur avant → après (0–10)</translation>
    </message>
    <message>
        <source>Insertion sites</source>
        <translation>Points d&apos;insertion</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Motif de consultation</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notes de séance</translation>
    </message>
    <message>
        <source>Examination findings</source>
        <translation>Constats d&apos;examen</translation>
    </message>
    <message numerus="yes">
        <source>%n sign(s) of neuropathy</source>
        <translation>
            <numerusform>%n signe de neuropathie</numerusform>
            <numerusform>%n signes de neuropathie</numerusform>
        </translation>
    </message>
    <message>
        <source>No examination findings were recorded.</source>
        <translation>Aucun constat d&apos;examen n&apos;a été consigné.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Body charts</source>
        <translation>Schémas corporels</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s) with sites; numbers match the site table</source>
        <translation>
            <numerusform>%n vue avec des points; les numéros renvoient au tableau des points</numerusform>
            <numerusform>%n vues avec des points; les numéros renvoient au tableau des points</numerusform>
        </translation>
    </message>
    <message>
        <source>No sites were recorded in this session.</source>
        <translation>Aucun point n&apos;a été consigné lors de cette séance.</translation>
    </message>
    <message>
        <source>Sites %1 belong to a chart view that this version of imsmap does not have; they are listed in the table only.</source>
        <translation>Les points %1 appartiennent à une vue de schéma que cette version d&apos;imsmap n&apos;a pas; ils figurent seulement dans le tableau.</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <source>Segmental summary</source>
        <translation>Sommaire segmentaire</translation>
    </message>
    <message>
        <source>roots needled, by side</source>
        <translation>racines puncturées, par côté</translation>
    </message>
    <message>
        <source>Needles and adverse events</source>
        <translation>Aiguilles et événements indésirables</translation>
    </message>
    <message>
        <source>No adverse events were recorded.</source>
        <translation>Aucun événement indésirable n&apos;a été consigné.</translation>
    </message>
    <message>
        <source>Outcome and plan</source>
        <translation>Résultat et plan</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>Douleur (0–10)</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Addendas</translation>
    </message>
    <message>
        <source>None.</source>
        <comment>no amendments</comment>
        <translation>Aucun.</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR. This signed session is not this patient&apos;s treatment: %1 (marked by %2, %3). It is kept as it was signed, below, for the record, and counts in no figure of the patient&apos;s course.</source>
        <translation>CONSIGNÉE PAR ERREUR. Cette séance signée n&apos;est pas un traitement de ce patient&#xa0;: %1 (marquée par %2, %3). Elle est conservée telle que signée, ci-dessous, pour le dossier, et ne compte dans aucun chiffre de l&apos;évolution du patient.</translation>
    </message>
    <message>
        <source>WITHDRAWN. This draft was started by mistake and withdrawn: %1 (by %2, %3). It is kept, below, for the record, and counts in no figure of the patient&apos;s course.</source>
        <translation>RETIRÉ. Ce brouillon a été commencé par erreur et retiré&#xa0;: %1 (par %2, %3). Il est conservé, ci-dessous, pour le dossier, et ne compte dans aucun chiffre de l&apos;évolution du patient.</translation>
    </message>
    <message>
        <source>Recorded under %1 (%2). That record was merged into %3 (%4) by %5, %6: %7. This session is part of that patient&apos;s history; it is kept as it was signed.</source>
        <translation>Consignée sous %1 (%2). Ce dossier a été fusionné dans %3 (%4) par %5, %6&#xa0;: %7. Cette séance fait partie de l&apos;historique de ce patient; elle est conservée telle qu&apos;elle a été signée.</translation>
    </message>
    <message>
        <source>%1 · Session %2</source>
        <translation>%1 · Séance du %2</translation>
    </message>
    <message>
        <source>IMS treatment record</source>
        <translation>Dossier de traitement SIM</translation>
    </message>
    <message>
        <source>IMS treatment record — chart %1 — %2</source>
        <translation>Dossier de traitement SIM — dossier %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n insertion site(s)</source>
        <translation>
            <numerusform>%n point d&apos;insertion</numerusform>
            <numerusform>%n points d&apos;insertion</numerusform>
        </translation>
    </message>
    <message>
        <source>Intramuscular stimulation (Gunn IMS) / dry needling session of %1 for chart %2: %3; signed.</source>
        <translation>Séance de stimulation intramusculaire (SIM de Gunn) / puncture sèche du %1 pour le dossier %2&#xa0;: %3; signée.</translation>
    </message>
    <message>
        <source>Intramuscular stimulation (Gunn IMS) / dry needling session of %1 for chart %2: %3; draft, not signed.</source>
        <translation>Séance de stimulation intramusculaire (SIM de Gunn) / puncture sèche du %1 pour le dossier %2&#xa0;: %3; brouillon, non signée.</translation>
    </message>
    <message>
        <source>IMS; dry needling; chart %1</source>
        <translation>SIM; puncture sèche; dossier %1</translation>
    </message>
</context>
<context>
    <name>SessionSections</name>
    <message>
        <source>not recorded</source>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>%1
Reg. no. %2</source>
        <translation>%1
N° de permis %2</translation>
    </message>
    <message>
        <source>%1
Registration no. not recorded</source>
        <translation>%1
N° de permis non consigné</translation>
    </message>
    <message>
        <source>Sign (Gunn)</source>
        <translation>Signe (Gunn)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Examination findings</source>
        <translation>Constats d&apos;examen</translation>
    </message>
    <message>
        <source>Both / midline</source>
        <translation>Bilatéral / médian</translation>
    </message>
    <message>
        <source>NOT RECORDED</source>
        <translation>NON CONSIGNÉ</translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation>Consentement éclairé</translation>
    </message>
    <message>
        <source>Obtained before needling.</source>
        <translation>Obtenu avant la puncture.</translation>
    </message>
    <message>
        <source>Discussed with the patient.</source>
        <translation>Discuté avec le patient.</translation>
    </message>
    <message>
        <source>Muscles over the thorax needled: %1.</source>
        <translation>Muscles sur le thorax puncturés&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Near the pleura: %1.</source>
        <translation>Près de la plèvre&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Pneumothorax risk</source>
        <translation>Risque de pneumothorax</translation>
    </message>
    <message>
        <source>No site of this session is over or near the pleura in atlas %1, the version this record names.</source>
        <translation>Aucun point de cette séance n&apos;est sur le thorax ni près de la plèvre dans l&apos;atlas %1, la version que nomme ce dossier.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Consignation</translation>
    </message>
    <message numerus="yes">
        <source>%n insertion site(s) charted</source>
        <translation>
            <numerusform>%n point d&apos;insertion inscrit au schéma</numerusform>
            <numerusform>%n points d&apos;insertion inscrits au schéma</numerusform>
        </translation>
    </message>
    <message>
        <source>Needles used</source>
        <translation>Aiguilles utilisées</translation>
    </message>
    <message>
        <source>Needles accounted for</source>
        <translation>Aiguilles comptées</translation>
    </message>
    <message>
        <source>All needles accounted for and disposed of as sharps.</source>
        <translation>Toutes les aiguilles ont été comptées et jetées dans le contenant à objets piquants.</translation>
    </message>
    <message>
        <source>Adverse event</source>
        <translation>Événement indésirable</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Mesure prise</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Événements indésirables</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Addenda</translation>
    </message>
    <message>
        <source>Site %1: %2.</source>
        <translation>Point %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Photo %1 added: %2.</source>
        <translation>Photo %1 ajoutée&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Photo %1 added.</source>
        <translation>Photo %1 ajoutée.</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Addendas</translation>
    </message>
    <message>
        <source>the session content no longer matches the hash recorded at signing</source>
        <translation>le contenu de la séance ne correspond plus à l&apos;empreinte consignée à la signature</translation>
    </message>
    <message>
        <source>Signed electronically by %1 (%2) on %3.</source>
        <translation>Signée électroniquement par %1 (%2) le %3.</translation>
    </message>
    <message>
        <source>Signed electronically by %1 on %2.</source>
        <translation>Signée électroniquement par %1 le %2.</translation>
    </message>
    <message>
        <source>Content hash (SHA-256) recorded at signing:</source>
        <translation>Empreinte du contenu (SHA-256) consignée à la signature&#xa0;:</translation>
    </message>
    <message>
        <source>Audit trail: signed in entry %1, chain link:</source>
        <translation>Journal d&apos;audit&#xa0;: signée à l&apos;entrée %1, maillon de la chaîne&#xa0;:</translation>
    </message>
    <message>
        <source>INTEGRITY WARNING: %1. Refer to the audit trail (imsmap check) before relying on this record.</source>
        <translation>AVERTISSEMENT D&apos;INTÉGRITÉ&#xa0;: %1. Consultez le journal d&apos;audit (imsmap check) avant de vous fier à ce dossier.</translation>
    </message>
    <message>
        <source>Integrity check: the session content and amendments printed here match the signed hash and the audit trail.</source>
        <translation>Vérification d&apos;intégrité&#xa0;: le contenu de la séance et les addendas imprimés ici correspondent à l&apos;empreinte signée et au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>A signed record is locked; corrections appear below as dated amendments.</source>
        <translation>Un dossier signé est verrouillé; les corrections figurent ci-dessous sous forme d&apos;addendas datés.</translation>
    </message>
    <message>
        <source>DRAFT — NOT SIGNED</source>
        <translation>BROUILLON — NON SIGNÉE</translation>
    </message>
    <message>
        <source>This session has not been signed. It may still change and is not the final clinical record.</source>
        <translation>Cette séance n&apos;a pas été signée. Elle peut encore changer et n&apos;est pas le dossier clinique définitif.</translation>
    </message>
    <message>
        <source>Content hash (SHA-256) at export:</source>
        <translation>Empreinte du contenu (SHA-256) à l&apos;exportation&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>mild</source>
        <translation>légère</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non consigné</translation>
    </message>
</context>
<context>
    <name>Side</name>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Midline</source>
        <translation>Ligne médiane</translation>
    </message>
</context>
<context>
    <name>SideLetter</name>
    <message>
        <source>L</source>
        <translation>G</translation>
    </message>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
</context>
<context>
    <name>Signatures</name>
    <message>
        <source>the audit trail holds no entry recording its signature</source>
        <translation>le journal d&apos;audit ne contient aucune entrée consignant sa signature</translation>
    </message>
    <message>
        <source>it was signed again in audit entry %1 after audit entry %2 had signed it: its signature was taken away outside imsmap and the session changed and signed again</source>
        <translation>elle a été signée de nouveau dans l&apos;entrée d&apos;audit %1 après sa signature dans l&apos;entrée d&apos;audit %2&#xa0;: sa signature a été retirée hors d&apos;imsmap, puis la séance modifiée et signée de nouveau</translation>
    </message>
    <message>
        <source>its content hash is not the one audit entry %1 recorded when it was signed: the signature was rewritten outside imsmap</source>
        <translation>son empreinte de contenu n&apos;est pas celle que l&apos;entrée d&apos;audit %1 a consignée à la signature&#xa0;: la signature a été réécrite hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>its signer (%1) is not the one audit entry %2 recorded (%3)</source>
        <translation>son signataire (%1) n&apos;est pas celui que l&apos;entrée d&apos;audit %2 a consigné (%3)</translation>
    </message>
    <message>
        <source>its signing time is not the one audit entry %1 recorded</source>
        <translation>son heure de signature n&apos;est pas celle que l&apos;entrée d&apos;audit %1 a consignée</translation>
    </message>
    <message>
        <source>it is a draft in the file, though audit entry %1 recorded its signature: the signature was taken away outside imsmap</source>
        <translation>elle est un brouillon dans le fichier, alors que l&apos;entrée d&apos;audit %1 a consigné sa signature&#xa0;: la signature a été retirée hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>This session was signed by %1 on %2 (audit entry %3), and the file now has it as a draft: its signature was taken away outside imsmap. It is not signed a second time, and nothing was changed. Keep the file as it is and run imsmap check on it; the signed session is in the backups made before.</source>
        <translation>Cette séance a été signée par %1 le %2 (entrée d&apos;audit %3), et le fichier en fait maintenant un brouillon&#xa0;: sa signature a été retirée hors d&apos;imsmap. Elle n&apos;est pas signée une deuxième fois, et rien n&apos;a été modifié. Gardez le fichier tel quel et lancez imsmap check sur celui-ci; la séance signée se trouve dans les sauvegardes faites auparavant.</translation>
    </message>
    <message>
        <source>amendment %1, written in audit entry %2, is no longer in the file: it was deleted outside imsmap</source>
        <translation>l&apos;addenda %1, consigné dans l&apos;entrée d&apos;audit %2, n&apos;est plus dans le fichier&#xa0;: il a été supprimé hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>entered-in-error mark: %1</source>
        <translation>marque d&apos;erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 row %2 was written by %3 on %4 with no audit entry (around imsmap)</source>
        <translation>la ligne %2 de %1 a été écrite par %3 le %4 sans entrée d&apos;audit (hors d&apos;imsmap)</translation>
    </message>
    <message>
        <source>the audit trail holds no entry recording it</source>
        <translation>le journal d&apos;audit ne contient aucune entrée le consignant</translation>
    </message>
    <message>
        <source>its %1 differs from what audit entry %2 recorded when it was written: it was changed outside imsmap</source>
        <translation>son champ %1 diffère de ce que l&apos;entrée d&apos;audit %2 a consigné à sa rédaction&#xa0;: il a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>its %1 differ from what audit entry %2 recorded when it was written: it was changed outside imsmap</source>
        <translation>ses champs %1 diffèrent de ce que l&apos;entrée d&apos;audit %2 a consigné à sa rédaction&#xa0;: il a été modifié hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>amendment %1: %2</source>
        <translation>addenda %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>its patient (or another of the fields it was created with) is not what audit entry %1 recorded when it was created: it was moved or changed outside imsmap</source>
        <translation>son patient (ou un autre des champs consignés à sa création) n&apos;est pas celui que l&apos;entrée d&apos;audit %1 a consigné à sa création&#xa0;: elle a été déplacée ou modifiée hors d&apos;imsmap</translation>
    </message>
</context>
<context>
    <name>SiteTable</name>
    <message>
        <source>Muscle</source>
        <translation>Muscle</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Nerve · roots</source>
        <translation>Nerf · racines</translation>
    </message>
    <message>
        <source>Needle mm Ø × L</source>
        <translation>Aiguille mm Ø × L</translation>
    </message>
    <message>
        <source>Level</source>
        <comment>column header, 10 mm wide</comment>
        <translation>Niv.</translation>
    </message>
    <message>
        <source>feel: normal</source>
        <translation>tissu normal</translation>
    </message>
    <message>
        <source>feel: grasp</source>
        <translation>tissu&#xa0;: préhension</translation>
    </message>
    <message>
        <source>feel: gritty-fibrotic</source>
        <translation>tissu granuleux-fibreux</translation>
    </message>
    <message>
        <source>feel: bone contact</source>
        <translation>tissu&#xa0;: contact osseux</translation>
    </message>
    <message>
        <source>Depth mm</source>
        <comment>column header, 10.5 mm wide</comment>
        <translation>Prof. mm</translation>
    </message>
    <message>
        <source>Grasp</source>
        <translation>Préhension</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>cramp</source>
        <translation>crampe</translation>
    </message>
    <message>
        <source>twitch</source>
        <translation>secousse</translation>
    </message>
    <message>
        <source>feel: %1</source>
        <translation>tissu&#xa0;: %1</translation>
    </message>
    <message>
        <source>release: %1</source>
        <translation>relâchement&#xa0;: %1</translation>
    </message>
    <message>
        <source>sensation: %1</source>
        <translation>ressenti&#xa0;: %1</translation>
    </message>
    <message>
        <source>e-stim</source>
        <translation>électrostim.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>recorded in error</source>
        <translation>consigné par erreur</translation>
    </message>
    <message>
        <source>no longer in error</source>
        <translation>n&apos;est plus consigné par erreur</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>préhension</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>%1, amended %2 by %3: %4</source>
        <translation>%1, addenda du %2 par %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>%1 layer</source>
        <translation>couche %1</translation>
    </message>
    <message>
        <source>PLANNED — not needled</source>
        <translation>PRÉVU — non puncturé</translation>
    </message>
    <message>
        <source>In full under Site notes, below.</source>
        <translation>Au complet sous Notes des points, ci-dessous.</translation>
    </message>
    <message>
        <source>Grasp graded %1. —: not graded in Grasp, no spinal level in Level, not recorded elsewhere. Roots: * marks the dominant root; paraspinal sites are listed by their own level.</source>
        <translation>Préhension cotée %1. —&#xa0;: non cotée sous Préhension, sans niveau vertébral sous Niv., non consigné ailleurs. Racines&#xa0;: * marque la racine dominante; les points paravertébraux sont inscrits à leur propre niveau.</translation>
    </message>
    <message>
        <source>A number in red: the site as signed, corrected by an amendment (its Notes say how); the charts and the segmental summary count it as corrected, a site recorded in error nowhere.</source>
        <translation>Un numéro en rouge&#xa0;: le point tel que signé, corrigé par un addenda (ses Notes disent comment); les graphiques et le résumé segmentaire le comptent tel que corrigé, un point consigné par erreur nulle part.</translation>
    </message>
    <message>
        <source>† Muscle over or near the thorax: pneumothorax risk.</source>
        <translation>† Muscle sur le thorax ou près de celui-ci&#xa0;: risque de pneumothorax.</translation>
    </message>
    <message>
        <source>Insertion sites</source>
        <translation>Points d&apos;insertion</translation>
    </message>
    <message>
        <source>Site notes</source>
        <translation>Notes des points</translation>
    </message>
    <message>
        <source>in full, by site number</source>
        <translation>au complet, par numéro de point</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Point %1</translation>
    </message>
</context>
<context>
    <name>SiteText</name>
    <message>
        <source>Dorsal ramus (medial br.)</source>
        <translation>Rameau dorsal (br. médiale)</translation>
    </message>
    <message>
        <source>%1 (segmental)</source>
        <translation>%1 (segmentaire)</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>There is no patient with id %1.</source>
        <translation>Il n&apos;y a aucun patient portant le numéro %1.</translation>
    </message>
    <message>
        <source>There is no session with id %1.</source>
        <translation>Il n&apos;y a aucune séance portant le numéro %1.</translation>
    </message>
    <message>
        <source>There is no site with id %1.</source>
        <translation>Il n&apos;y a aucun point portant le numéro %1.</translation>
    </message>
    <message>
        <source>This patient was changed in another room; your change was not saved, and the patient is shown again as it is now.</source>
        <translation>Ce patient a été modifié dans une autre salle; votre modification n&apos;a pas été enregistrée, et le patient est affiché de nouveau tel qu&apos;il est maintenant.</translation>
    </message>
    <message>
        <source>This session was changed in another room; your change was not saved, and the session is shown again as it is now.</source>
        <translation>Cette séance a été modifiée dans une autre salle; votre modification n&apos;a pas été enregistrée, et la séance est affichée de nouveau telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>This site was changed in another room; your change was not saved, and the site is shown again as it is now.</source>
        <translation>Ce point a été modifié dans une autre salle; votre modification n&apos;a pas été enregistrée, et le point est affiché de nouveau tel qu&apos;il est maintenant.</translation>
    </message>
    <message>
        <source>This finding was changed in another room; your change was not saved, and the session is shown again as it is now.</source>
        <translation>Ce constat a été modifié dans une autre salle; votre modification n&apos;a pas été enregistrée, et la séance est affichée de nouveau telle qu&apos;elle est maintenant.</translation>
    </message>
    <message>
        <source>This adverse event was changed in another room; your change was not saved, and the session is shown again as it is now.</source>
        <translation>Cet événement indésirable a été modifié dans une autre salle; votre modification n&apos;a pas été enregistrée, et la séance est affichée de nouveau telle qu&apos;elle est maintenant.</translation>
    </message>
</context>
<context>
    <name>StoreAudit</name>
    <message>
        <source>its hash is a %1</source>
        <translation>son empreinte est un %1</translation>
    </message>
    <message>
        <source>its id is not a number</source>
        <translation>son identifiant n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>audit entries %1-%2 are missing</source>
        <translation>les entrées d&apos;audit %1 à %2 manquent</translation>
    </message>
    <message>
        <source>one of audit entries %1-%2</source>
        <translation>l&apos;une des entrées d&apos;audit %1 à %2</translation>
    </message>
    <message>
        <source>%1 was altered or an earlier entry was removed</source>
        <translation>%1 a été altérée ou une entrée antérieure a été supprimée</translation>
    </message>
    <message>
        <source>the newest audit entries (%1) do not end where the trail recorded its end (entry %2): one was altered or removed</source>
        <translation>les entrées d&apos;audit les plus récentes (%1) ne se terminent pas là où le journal a consigné sa fin (entrée %2)&#xa0;: l&apos;une d&apos;elles a été altérée ou supprimée</translation>
    </message>
    <message>
        <source>the record of where the audit trail ends is missing, so entries %1-%2 cannot be checked</source>
        <translation>l&apos;enregistrement de la fin du journal d&apos;audit manque, donc les entrées %1 à %2 ne peuvent pas être vérifiées</translation>
    </message>
    <message>
        <source>its changes are a JSON %1, not an object</source>
        <translation>ses modifications sont un %1 JSON, pas un objet</translation>
    </message>
</context>
<context>
    <name>StoreBackup</name>
    <message>
        <source>The backup folder %1 cannot be read (%2).</source>
        <translation>Le répertoire des sauvegardes %1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>The backup folder %1 is not there: is its drive connected? Nothing was backed up; connect it, or choose another folder in the settings.</source>
        <translation>Le répertoire des sauvegardes %1 est introuvable&#xa0;: son disque est-il branché? Rien n&apos;a été sauvegardé; branchez-le, ou choisissez un autre répertoire dans les réglages.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created (%2); choose another in the settings.</source>
        <translation>Le répertoire des sauvegardes %1 ne peut pas être créé (%2); choisissez-en un autre dans les réglages.</translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file. Choose a new file name.</source>
        <translation>%1 existe déjà; une sauvegarde n&apos;écrase jamais un fichier. Choisissez un nouveau nom de fichier.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord ou choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A backup cannot be written in %1 (%2).</source>
        <translation>Une sauvegarde ne peut pas être écrite dans %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is damaged, so no backup was made: SQLite&apos;s check of the copy failed (imsmap check lists the problems). Keep the file as it is and restore the latest good backup.</source>
        <translation>%1 est endommagé, donc aucune sauvegarde n&apos;a été faite&#xa0;: la vérification de la copie par SQLite a échoué (imsmap check énumère les problèmes). Gardez le fichier tel quel et restaurez la dernière bonne sauvegarde.</translation>
    </message>
    <message>
        <source>There is no backup file at %1.</source>
        <translation>Il n&apos;y a aucun fichier de sauvegarde à %1.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>%1 ne peut pas être lu (permission refusée).</translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2).</source>
        <translation>%1 ne peut pas être ouvert (%2).</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be used.</source>
        <translation>%1 est endommagé (%2); il ne peut pas être utilisé.</translation>
    </message>
    <message>
        <source>SQLite&apos;s check of its structure finds faults</source>
        <translation>la vérification de sa structure par SQLite y trouve des défauts</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not an imsmap one.</source>
        <translation>%1 est une base de données SQLite, mais pas une base imsmap.</translation>
    </message>
    <message>
        <source>%1 holds no imsmap records (its schema was never created).</source>
        <translation>%1 ne contient aucun dossier imsmap (son schéma n&apos;a jamais été créé).</translation>
    </message>
    <message>
        <source>%1 was written by a newer imsmap (database schema %2); this imsmap %3 reads schema %4 and older. Update imsmap to use it.</source>
        <translation>%1 a été écrit par une version plus récente d&apos;imsmap (schéma de base de données %2); cet imsmap %3 lit le schéma %4 et les plus anciens. Mettez imsmap à jour pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>%1 is not an imsmap backup (it is not an SQLite file, or its first page is damaged).</source>
        <translation>%1 n&apos;est pas une sauvegarde imsmap (ce n&apos;est pas un fichier SQLite, ou sa première page est endommagée).</translation>
    </message>
    <message>
        <source>%1 is damaged or not an imsmap backup (%2).</source>
        <translation>%1 est endommagé ou n&apos;est pas une sauvegarde imsmap (%2).</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file; give a file name.</source>
        <translation>%1 est un répertoire, pas un fichier de base de données; donnez un nom de fichier.</translation>
    </message>
    <message>
        <source>%1 is the database itself; choose a backup file.</source>
        <translation>%1 est la base de données elle-même; choisissez un fichier de sauvegarde.</translation>
    </message>
    <message>
        <source>%1 already exists and nothing was changed. To replace it with the backup, add --force; the current file will be kept beside it under a new name.</source>
        <translation>%1 existe déjà et rien n&apos;a été modifié. Pour le remplacer par la sauvegarde, ajoutez --force; le fichier actuel sera gardé à côté sous un nouveau nom.</translation>
    </message>
    <message>
        <source>The restored database cannot be written in %1 (%2); nothing was changed.</source>
        <translation>La base de données restaurée ne peut pas être écrite dans %1 (%2); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is open in another imsmap window or program; close it and try again. Nothing was changed.</source>
        <translation>%1 est ouvert dans une autre fenêtre ou un autre programme imsmap; fermez-le et réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 cannot be set aside (%2); nothing was replaced.</source>
        <translation>%1 ne peut pas être mis de côté (%2); rien n&apos;a été remplacé.</translation>
    </message>
    <message>
        <source>%1 cannot be copied aside (%2); nothing was replaced, and %3 holds what could be copied.</source>
        <translation>%1 ne peut pas être copié de côté (%2); rien n&apos;a été remplacé, et %3 contient ce qui a pu être copié.</translation>
    </message>
    <message>
        <source>The disk of %1 is full: there is no room to keep the records it holds aside before the backup replaces them. Nothing was replaced; free some space on that disk and try again.</source>
        <translation>Le disque de %1 est plein&#xa0;: il n&apos;y a pas la place d&apos;en garder les dossiers de côté avant que la sauvegarde les remplace. Rien n&apos;a été remplacé; libérez de l&apos;espace sur ce disque et réessayez.</translation>
    </message>
</context>
<context>
    <name>StoreBackupSets</name>
    <message>
        <source>a full, compressed backup every %1 day(s) and a journal of what was written since (appended at each signature, start and close)</source>
        <translation>une sauvegarde complète et compressée tous les %1 jour(s) et un journal de ce qui a été écrit depuis (complété à chaque signature, ouverture et fermeture)</translation>
    </message>
    <message>
        <source>the newest %1 full backup(s) with their journals are kept</source>
        <translation>sauvegardes complètes gardées avec leurs journaux&#xa0;: %1</translation>
    </message>
    <message>
        <source>The backup policy takes whole numbers of days and of backups.</source>
        <translation>La politique de sauvegarde demande des nombres entiers de jours et de sauvegardes.</translation>
    </message>
    <message>
        <source>A full backup is made every 1 to 90 days.</source>
        <translation>Une sauvegarde complète est faite tous les 1 à 90 jours.</translation>
    </message>
    <message>
        <source>Keep 1 to 20 full backups.</source>
        <translation>Gardez de 1 à 20 sauvegardes complètes.</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be read (%2).</source>
        <translation>Le répertoire des sauvegardes %1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>The backup journal %1 has lost its first record.</source>
        <translation>Le journal de sauvegarde %1 a perdu son premier enregistrement.</translation>
    </message>
    <message>
        <source>The backup of %1 could not be made (%2).</source>
        <translation>La sauvegarde de %1 n&apos;a pas pu être faite (%2).</translation>
    </message>
</context>
<context>
    <name>StoreDamage</name>
    <message>
        <source>a stored value is not of the type or form this imsmap reads</source>
        <translation>une valeur enregistrée n&apos;est pas du type ou de la forme que cette version d&apos;imsmap lit</translation>
    </message>
    <message>
        <source>a row</source>
        <translation>une ligne</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>la ligne %1</translation>
    </message>
    <message>
        <source>%1 of the %2 table cannot be read back (%3)</source>
        <translation>%1 de la table %2 ne peut pas être relue (%3)</translation>
    </message>
</context>
<context>
    <name>StoreDb</name>
    <message>
        <source>There is no database at %1.</source>
        <translation>Il n&apos;y a aucune base de données à %1.</translation>
    </message>
    <message>
        <source>%1 cannot use SQLite&apos;s WAL journal (got %2).</source>
        <translation>%1 ne peut pas utiliser le journal WAL de SQLite (obtenu&#xa0;: %2).</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not an imsmap one.</source>
        <translation>%1 est une base de données SQLite, mais pas une base imsmap.</translation>
    </message>
    <message>
        <source>%1 was written by a newer imsmap (database schema %2); this imsmap %3 reads schema %4 and older. Update imsmap to open it.</source>
        <translation>%1 a été écrit par une version plus récente d&apos;imsmap (schéma de base de données %2); cet imsmap %3 lit le schéma %4 et les plus anciens. Mettez imsmap à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>file schema %1</source>
        <translation>schéma de fichier %1</translation>
    </message>
    <message>
        <source>%1 is open read-only; nothing can be changed.</source>
        <translation>%1 est ouvert en lecture seule; rien ne peut être modifié.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file; give a file name.</source>
        <translation>%1 est un répertoire, pas un fichier de base de données; donnez un nom de fichier.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another.</source>
        <translation>Le répertoire %1 n&apos;existe pas; créez-le d&apos;abord ou choisissez-en un autre.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 n&apos;est pas un répertoire.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>%1 ne peut pas être lu (permission refusée).</translation>
    </message>
    <message>
        <source>%1 is on a network share (%2). SQLite&apos;s locking does not work reliably over a network file system and records could be corrupted; keep the database on this computer&apos;s own disk.</source>
        <translation>%1 est sur un partage réseau (%2). Le verrouillage de SQLite ne fonctionne pas de façon fiable sur un système de fichiers réseau et les dossiers pourraient être corrompus; gardez la base de données sur le disque de cet ordinateur.</translation>
    </message>
    <message>
        <source>%1 cannot be created (%2).</source>
        <translation>%1 ne peut pas être créé (%2).</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be read faithfully. Keep it as it is and restore the latest good backup (imsmap restore).</source>
        <translation>%1 est endommagé (%2); il ne peut pas être lu fidèlement. Gardez-le tel quel et restaurez la dernière bonne sauvegarde (imsmap restore).</translation>
    </message>
    <message>
        <source>The database %1 is busy in another imsmap window or program; nothing was changed. Try again in a moment.</source>
        <translation>La base de données %1 est occupée dans une autre fenêtre ou un autre programme imsmap; rien n&apos;a été modifié. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full; nothing was changed. Free some space and try again.</source>
        <translation>Le disque qui contient %1 est plein; rien n&apos;a été modifié. Libérez de l&apos;espace et réessayez.</translation>
    </message>
    <message>
        <source>%1 cannot be opened where it is, even to read it: SQLite makes its working files (%1-wal, %1-shm) beside the database, and the folder %2 takes no new file (read-only media, or no write permission). Copy the file into a folder you can write to and give the copy; nothing was changed.</source>
        <translation>%1 ne peut pas être ouvert là où il se trouve, même en lecture : SQLite crée ses fichiers de travail (%1-wal, %1-shm) à côté de la base de données, et le répertoire %2 n&apos;accepte aucun nouveau fichier (support en lecture seule, ou aucune permission d&apos;écriture). Copiez le fichier dans un répertoire où vous pouvez écrire et donnez la copie; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is read-only; nothing was changed.</source>
        <translation>%1 est en lecture seule; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Refused: %1. Nothing was changed.</source>
        <translation>Refusé&#xa0;: %1. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is not an imsmap database (it is not an SQLite file, or its first page is damaged). If it is your clinic&apos;s database, restore it from a backup.</source>
        <translation>%1 n&apos;est pas une base de données imsmap (ce n&apos;est pas un fichier SQLite, ou sa première page est endommagée). Si c&apos;est la base de données de votre clinique, restaurez-la à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>a stored text is not valid UTF-8</source>
        <translation>un texte enregistré n&apos;est pas de l&apos;UTF-8 valide</translation>
    </message>
    <message>
        <source>The computer ran out of memory working on %1; nothing was changed. Close other programs and try again.</source>
        <translation>L&apos;ordinateur a manqué de mémoire en travaillant sur %1; rien n&apos;a été modifié. Fermez d&apos;autres programmes et réessayez.</translation>
    </message>
    <message>
        <source>%1 could not be read or written (%2); nothing was changed.</source>
        <translation>%1 n&apos;a pas pu être lu ou écrit (%2); rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>a record of the same key is there already</source>
        <translation>un enregistrement de même clé s&apos;y trouve déjà</translation>
    </message>
    <message>
        <source>a record refers to another that is not there</source>
        <translation>un enregistrement renvoie à un autre qui n&apos;y est pas</translation>
    </message>
    <message>
        <source>a record lacks a required value</source>
        <translation>une valeur obligatoire manque à un enregistrement</translation>
    </message>
    <message>
        <source>a record holds a value the database does not allow</source>
        <translation>un enregistrement contient une valeur que la base de données n&apos;accepte pas</translation>
    </message>
    <message>
        <source>SQLite finds its structure malformed</source>
        <translation>SQLite y trouve une structure malformée</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>le disque a signalé une erreur d&apos;entrée-sortie</translation>
    </message>
    <message>
        <source>SQLite cannot open the file or its working files</source>
        <translation>SQLite ne peut pas ouvrir le fichier ou ses fichiers de travail</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>it is not an SQLite file, or its first page is damaged</source>
        <translation>ce n&apos;est pas un fichier SQLite, ou sa première page est endommagée</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>le fichier ou son répertoire est en lecture seule</translation>
    </message>
    <message>
        <source>the file is busy in another imsmap window or program</source>
        <translation>le fichier est occupé par une autre fenêtre d&apos;imsmap ou un autre programme</translation>
    </message>
    <message>
        <source>the computer ran out of memory</source>
        <translation>l&apos;ordinateur a manqué de mémoire</translation>
    </message>
    <message>
        <source>a record breaks a rule of the database</source>
        <translation>un enregistrement enfreint une règle de la base de données</translation>
    </message>
</context>
<context>
    <name>StoreIntegrity</name>
    <message>
        <source>%1 row %2 refers to %3 row %4, which does not exist</source>
        <translation>%1&#xa0;: la ligne %2 renvoie à la ligne %4 de %3, qui n&apos;existe pas</translation>
    </message>
    <message>
        <source>... and %1 more rows like these</source>
        <translation>... et %1 autres lignes semblables</translation>
    </message>
    <message>
        <source>%1 is too damaged to check (%2). Restore it from a backup.</source>
        <translation>%1 est trop endommagé pour être vérifié (%2). Restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> et %1 de plus</translation>
    </message>
    <message>
        <source>%1 row %2%3 has no audit entry recording how it came in</source>
        <translation>%1&#xa0;: la ligne %2%3 n&apos;a aucune entrée d&apos;audit qui consigne son arrivée</translation>
    </message>
    <message>
        <source>%1 rows %2%3 have no audit entry recording how they came in</source>
        <translation>%1&#xa0;: les lignes %2%3 n&apos;ont aucune entrée d&apos;audit qui consigne leur arrivée</translation>
    </message>
    <message>
        <source>%1 row %2%3 is no longer in the file, though the audit trail recorded how it came in: it was deleted outside imsmap</source>
        <translation>%1&#xa0;: la ligne %2%3 n&apos;est plus dans le fichier, alors que le journal d&apos;audit a consigné son arrivée&#xa0;: elle a été supprimée hors d&apos;imsmap</translation>
    </message>
    <message>
        <source>%1 rows %2%3 are no longer in the file, though the audit trail recorded how they came in: they were deleted outside imsmap</source>
        <translation>%1&#xa0;: les lignes %2%3 ne sont plus dans le fichier, alors que le journal d&apos;audit a consigné leur arrivée&#xa0;: elles ont été supprimées hors d&apos;imsmap</translation>
    </message>
</context>
<context>
    <name>StoreJournal</name>
    <message>
        <source>The backup journal %1 cannot be read (%2).</source>
        <translation>Le journal de sauvegarde %1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>The backup journal %1 is damaged at record %2 of %3; nothing was restored. To restore the full backup alone, move the journal out of the folder first (what it holds after the full backup is then not restored).</source>
        <translation>Le journal de sauvegarde %1 est endommagé à l&apos;enregistrement %2 sur %3; rien n&apos;a été restauré. Pour restaurer la sauvegarde complète seule, sortez d&apos;abord le journal du répertoire (ce qu&apos;il contient après la sauvegarde complète n&apos;est alors pas restauré).</translation>
    </message>
    <message>
        <source>The backup journal %1 has lost its first record; nothing was restored. Move it out of the folder to restore the full backup alone.</source>
        <translation>Le journal de sauvegarde %1 a perdu son premier enregistrement; rien n&apos;a été restauré. Sortez-le du répertoire pour restaurer la sauvegarde complète seule.</translation>
    </message>
    <message>
        <source>The backup journal %1 holds no whole record.</source>
        <translation>Le journal de sauvegarde %1 ne contient aucun enregistrement entier.</translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file.</source>
        <translation>%1 existe déjà; une sauvegarde n&apos;écrase jamais un fichier.</translation>
    </message>
    <message>
        <source>The backup journal %1 cannot be written (%2).</source>
        <translation>Le journal de sauvegarde %1 ne peut pas être écrit (%2).</translation>
    </message>
    <message>
        <source>The backup journal %1 could not be written (%2); the records themselves are safe in the database.</source>
        <translation>Le journal de sauvegarde %1 n&apos;a pas pu être écrit (%2); les dossiers eux-mêmes sont en sécurité dans la base de données.</translation>
    </message>
    <message>
        <source>The backup journal does not fit its full backup (%1 %2 differs); nothing was restored.</source>
        <translation>Le journal de sauvegarde ne correspond pas à sa sauvegarde complète (%1 %2 diffère); rien n&apos;a été restauré.</translation>
    </message>
    <message>
        <source>The backup journal does not fit its full backup (%1: %2); nothing was restored.</source>
        <translation>Le journal de sauvegarde ne correspond pas à sa sauvegarde complète (%1&#xa0;: %2); rien n&apos;a été restauré.</translation>
    </message>
    <message>
        <source>The table %1 has no key; the journal cannot be applied.</source>
        <translation>La table %1 n&apos;a pas de clé; le journal ne peut pas être appliqué.</translation>
    </message>
</context>
<context>
    <name>StoreMigrationV4</name>
    <message>
        <source>%1 sites, but %2 after conversion</source>
        <translation>points&#xa0;: %1, mais %2 après la conversion</translation>
    </message>
    <message>
        <source>This database was not converted to schema 4 and is unchanged: sites %1 would not have been kept exactly (a position finer than 0.01 or a time that is not ISO 8601). Keep using the previous imsmap version with it and report this.</source>
        <translation>Cette base de données n&apos;a pas été convertie au schéma 4 et est inchangée&#xa0;: les points %1 n&apos;auraient pas été gardés exactement (une position plus fine que 0,01 ou une heure qui n&apos;est pas ISO 8601). Continuez d&apos;utiliser la version précédente d&apos;imsmap avec elle et signalez-le.</translation>
    </message>
    <message>
        <source>This database was not converted to schema 4 and is unchanged: the audit trail did not copy exactly (%1 entries, %2 copied; differing: %3). Keep using the previous imsmap version with it and report this.</source>
        <translation>Cette base de données n&apos;a pas été convertie au schéma 4 et est inchangée&#xa0;: le journal d&apos;audit n&apos;a pas été copié exactement (entrées&#xa0;: %1, copiées&#xa0;: %2; différentes&#xa0;: %3). Continuez d&apos;utiliser la version précédente d&apos;imsmap avec elle et signalez-le.</translation>
    </message>
</context>
<context>
    <name>StorePacked</name>
    <message>
        <source>its compressed data is cut short or damaged</source>
        <translation>ses données compressées sont tronquées ou endommagées</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be used.</source>
        <translation>%1 est endommagé (%2); il ne peut pas être utilisé.</translation>
    </message>
    <message>
        <source>The disk of %1 is full: there is no room for the restored records. Nothing was changed and the backup is fine; free some space on that disk, or restore into a folder on another disk.</source>
        <translation>Le disque de %1 est plein&#xa0;: il n&apos;y a pas la place pour les dossiers restaurés. Rien n&apos;a été modifié et la sauvegarde est intacte; libérez de l&apos;espace sur ce disque, ou restaurez dans un répertoire d&apos;un autre disque.</translation>
    </message>
    <message>
        <source>The restored records cannot be written in %1 (%2). Nothing was changed and the backup is fine; choose a folder you can write to.</source>
        <translation>Les dossiers restaurés ne peuvent pas être écrits dans %1 (%2). Rien n&apos;a été modifié et la sauvegarde est intacte; choisissez un répertoire où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>The backup journal %1 does not belong with the full backup %2: they hold different records (another clinic&apos;s or another computer&apos;s backup copied under the same name). Nothing was restored; check that both files come from the same backup folder.</source>
        <translation>Le journal de sauvegarde %1 ne va pas avec la sauvegarde complète %2&#xa0;: ils contiennent des dossiers différents (la sauvegarde d&apos;une autre clinique ou d&apos;un autre ordinateur copiée sous le même nom). Rien n&apos;a été restauré; vérifiez que les deux fichiers viennent du même répertoire de sauvegarde.</translation>
    </message>
    <message>
        <source>The backup journal %1 belongs to another full backup; nothing was restored.</source>
        <translation>Le journal de sauvegarde %1 appartient à une autre sauvegarde complète; rien n&apos;a été restauré.</translation>
    </message>
</context>
<context>
    <name>StorePhotos</name>
    <message>
        <source>There is no photo %1.</source>
        <translation>Il n&apos;y a aucune photo %1.</translation>
    </message>
    <message>
        <source>The bytes of photo %1 are not in the database.</source>
        <translation>Les octets de la photo %1 ne sont pas dans la base de données.</translation>
    </message>
</context>
<context>
    <name>StoreRepository</name>
    <message>
        <source>There is no such entry (id %1).</source>
        <translation>Cette entrée n&apos;existe pas (identifiant %1).</translation>
    </message>
</context>
<context>
    <name>StoreSchemaCheck</name>
    <message>
        <source>its schema has no table %1</source>
        <translation>son schéma n&apos;a pas de table %1</translation>
    </message>
    <message>
        <source>its schema&apos;s table %1 has no column %2</source>
        <translation>la table %1 de son schéma n&apos;a pas de colonne %2</translation>
    </message>
    <message>
        <source>its schema cannot be read</source>
        <translation>son schéma ne peut pas être lu</translation>
    </message>
</context>
<context>
    <name>StoreSiteRows</name>
    <message>
        <source>The %1 coordinate %2 has more than two decimals; chart positions are kept to 0.01.</source>
        <translation>La coordonnée %1 %2 a plus de deux décimales; les positions sur le schéma sont gardées au 0,01 près.</translation>
    </message>
</context>
<context>
    <name>StoreTriggers</name>
    <message>
        <source>a correction is never changed; add another amendment instead</source>
        <translation>une correction n&apos;est jamais modifiée; ajoutez plutôt un autre addenda</translation>
    </message>
    <message>
        <source>a correction is of a needled site of the session its amendment amends</source>
        <translation>une correction porte sur un point puncturé de la séance visée par son addenda</translation>
    </message>
    <message>
        <source>a merge of patient records is never changed; separate the records instead</source>
        <translation>une fusion de dossiers n&apos;est jamais modifiée; séparez plutôt les dossiers</translation>
    </message>
    <message>
        <source>a merge of patient records is never deleted; separate the records instead</source>
        <translation>une fusion de dossiers n&apos;est jamais supprimée; séparez plutôt les dossiers</translation>
    </message>
    <message>
        <source>a photo added by amendment is written with its amendment, of the same session</source>
        <translation>une photo ajoutée par addenda est enregistrée avec son addenda, dans la même séance</translation>
    </message>
    <message>
        <source>a photo is never changed; only its caption and chart site are</source>
        <translation>une photo n&apos;est jamais modifiée; seuls sa légende et son point sur le schéma peuvent l&apos;être</translation>
    </message>
    <message>
        <source>a record merged away keeps nothing; merge into the record it was merged into</source>
        <translation>un dossier fusionné dans un autre ne garde rien; fusionnez plutôt dans le dossier qui l&apos;a reçu</translation>
    </message>
    <message>
        <source>a separation ends a merge of the same two records</source>
        <translation>une séparation met fin à une fusion des deux mêmes dossiers</translation>
    </message>
    <message>
        <source>a signed session is locked; add an amendment instead</source>
        <translation>une séance signée est verrouillée; ajoutez plutôt un addenda</translation>
    </message>
    <message>
        <source>a withdrawal or entered-in-error mark is never changed</source>
        <translation>une mention de retrait ou de séance consignée par erreur n&apos;est jamais modifiée</translation>
    </message>
    <message>
        <source>a withdrawal or entered-in-error mark is never deleted</source>
        <translation>une mention de retrait ou de séance consignée par erreur n&apos;est jamais supprimée</translation>
    </message>
    <message>
        <source>a withdrawn draft is locked; nothing more is written to it</source>
        <translation>un brouillon retiré est verrouillé; rien n&apos;y est plus écrit</translation>
    </message>
    <message>
        <source>adverse events are never deleted; they are marked removed</source>
        <translation>les événements indésirables ne sont jamais supprimés; ils sont marqués comme retirés</translation>
    </message>
    <message>
        <source>amendments are never deleted</source>
        <translation>les addenda ne sont jamais supprimés</translation>
    </message>
    <message>
        <source>an amendment is never changed; add another amendment instead</source>
        <translation>un addenda n&apos;est jamais modifié; ajoutez plutôt un autre addenda</translation>
    </message>
    <message>
        <source>corrections are never deleted</source>
        <translation>les corrections ne sont jamais supprimées</translation>
    </message>
    <message>
        <source>findings are never deleted; they are marked removed</source>
        <translation>les constats d&apos;examen ne sont jamais supprimés; ils sont marqués comme retirés</translation>
    </message>
    <message>
        <source>only a draft is withdrawn; a signed session is marked entered in error</source>
        <translation>seul un brouillon est retiré; une séance signée est plutôt marquée comme consignée par erreur</translation>
    </message>
    <message>
        <source>only a signed session is amended</source>
        <translation>seule une séance signée reçoit un addenda</translation>
    </message>
    <message>
        <source>only a signed session is marked entered in error; a draft is withdrawn</source>
        <translation>seule une séance signée est marquée comme consignée par erreur; un brouillon est plutôt retiré</translation>
    </message>
    <message>
        <source>patient records are never deleted</source>
        <translation>les dossiers des patients ne sont jamais supprimés</translation>
    </message>
    <message>
        <source>photos are never deleted; they are marked removed</source>
        <translation>les photos ne sont jamais supprimées; elles sont marquées comme retirées</translation>
    </message>
    <message>
        <source>records are merged into this one; it is not merged away in turn (no chains)</source>
        <translation>d&apos;autres dossiers sont fusionnés dans celui-ci; il n&apos;est pas fusionné à son tour dans un autre (pas de chaîne)</translation>
    </message>
    <message>
        <source>session records are never deleted</source>
        <translation>les séances ne sont jamais supprimées</translation>
    </message>
    <message>
        <source>site records are never deleted; they are marked removed</source>
        <translation>les points ne sont jamais supprimés; ils sont marqués comme retirés</translation>
    </message>
    <message>
        <source>terms are append-only</source>
        <translation>les termes ne font que s&apos;ajouter; aucun n&apos;est modifié ni supprimé</translation>
    </message>
    <message>
        <source>the audit trail is append-only</source>
        <translation>la piste de vérification ne fait que s&apos;allonger; aucune entrée n&apos;est modifiée ni supprimée</translation>
    </message>
    <message>
        <source>the end of the audit trail is kept</source>
        <translation>la fin de la piste de vérification est conservée</translation>
    </message>
    <message>
        <source>this record is merged into another already</source>
        <translation>ce dossier est déjà fusionné dans un autre</translation>
    </message>
    <message>
        <source>a session starts as a draft; it is signed once its content is there</source>
        <translation>une séance commence comme brouillon; elle est signée une fois son contenu consigné</translation>
    </message>
    <message>
        <source>the end of the audit trail moves only when an entry is appended</source>
        <translation>la fin de la piste de vérification n&apos;avance que lorsqu&apos;une entrée y est ajoutée</translation>
    </message>
    <message>
        <source>an audit entry&apos;s changes are a JSON object</source>
        <translation>les changements d&apos;une entrée de la piste de vérification forment un objet JSON</translation>
    </message>
    <message>
        <source>a creation digest is 16 bytes</source>
        <translation>une empreinte de création compte 16 octets</translation>
    </message>
    <message>
        <source>the server writes an audit entry&apos;s number, time, author and link; leave them out</source>
        <translation>le serveur inscrit lui-même le numéro, l&apos;heure, l&apos;auteur et le lien d&apos;une entrée de la piste de vérification; ne les fournissez pas</translation>
    </message>
    <message>
        <source>a merge or separation of patient records is made in the name of the login that makes it</source>
        <translation>une fusion ou une séparation de dossiers se fait au nom de l&apos;utilisateur connecté qui la fait</translation>
    </message>
    <message>
        <source>a withdrawal or entered-in-error mark is made in the name of the login that makes it</source>
        <translation>une mention de retrait ou de séance consignée par erreur se fait au nom de l&apos;utilisateur connecté qui la fait</translation>
    </message>
    <message>
        <source>the server&apos;s record of writes is never changed</source>
        <translation>le registre des écritures du serveur n&apos;est jamais modifié</translation>
    </message>
</context>
<context>
    <name>StoreUpgrade</name>
    <message>
        <source>Another imsmap window or program is writing to %1 (upgrading it, perhaps), so this upgrade cannot start; nothing was changed. Wait until it has finished, then open the file again.</source>
        <translation>Une autre fenêtre imsmap ou un autre programme écrit dans %1 (le met à niveau, peut-être), cette mise à niveau ne peut donc pas commencer; rien n&apos;a été changé. Attendez que ce soit terminé, puis ouvrez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>The upgrade of %1 was stopped and nothing of it was kept: the file is still at schema %2 and is upgraded the next time it is opened.</source>
        <translation>La mise à niveau de %1 a été arrêtée et rien n&apos;en a été gardé&#xa0;: le fichier est toujours au schéma %2 et sera mis à niveau à sa prochaine ouverture.</translation>
    </message>
    <message>
        <source>Before upgrading %1, imsmap keeps a copy of it as it is now, and that copy could not be made: %2 Nothing was changed.</source>
        <translation>Avant de mettre à niveau %1, imsmap en garde une copie dans son état actuel, et cette copie n&apos;a pas pu être faite&#xa0;: %2 Rien n&apos;a été changé.</translation>
    </message>
    <message>
        <source>Before upgrading %1, imsmap keeps a copy of it as it is now in %2, and that folder cannot be created (%3); nothing was changed.</source>
        <translation>Avant de mettre à niveau %1, imsmap en garde une copie dans son état actuel dans %2, et ce répertoire ne peut pas être créé (%3); rien n&apos;a été changé.</translation>
    </message>
    <message>
        <source>Before upgrading %1, imsmap keeps a copy of it as it is now in %2, which needs about %3 GB there and there are %4 GB; nothing was changed. Free some space, then open the file again.</source>
        <translation>Avant de mettre à niveau %1, imsmap en garde une copie dans son état actuel dans %2, ce qui y demande environ %3 Go et il y en a %4 Go; rien n&apos;a été changé. Libérez de l&apos;espace, puis ouvrez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>%1 is open in another imsmap window or program, so its upgrade cannot start; nothing was changed. Close the other window (an earlier imsmap, perhaps), then open the file again.</source>
        <translation>%1 est ouvert dans une autre fenêtre imsmap ou un autre programme, sa mise à niveau ne peut donc pas commencer; rien n&apos;a été changé. Fermez l&apos;autre fenêtre (un imsmap antérieur, peut-être), puis ouvrez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>The upgrade of %1 needs about %2 GB of free disk beside it and there are %3 GB; nothing was changed. Free some space, then open the file again.</source>
        <translation>La mise à niveau de %1 demande environ %2 Go d&apos;espace libre sur son disque et il y en a %3 Go; rien n&apos;a été changé. Libérez de l&apos;espace, puis ouvrez de nouveau le fichier.</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>terms</source>
        <translation>termes</translation>
    </message>
    <message>
        <source>practitioners</source>
        <translation>praticiens</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>réglages</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>patients</translation>
    </message>
    <message>
        <source>duplicate records merged or separated</source>
        <translation>dossiers en double fusionnés ou séparés</translation>
    </message>
    <message>
        <source>protocols</source>
        <translation>protocoles</translation>
    </message>
    <message>
        <source>protocol sites</source>
        <translation>points de protocole</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>séances</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>points</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>constatations</translation>
    </message>
    <message>
        <source>adverse events</source>
        <translation>événements indésirables</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>photos</translation>
    </message>
    <message>
        <source>photo files</source>
        <translation>fichiers de photos</translation>
    </message>
    <message>
        <source>amendments</source>
        <translation>addendas</translation>
    </message>
    <message>
        <source>site corrections</source>
        <translation>corrections de points</translation>
    </message>
    <message>
        <source>sessions withdrawn or entered in error</source>
        <translation>séances retirées ou consignées par erreur</translation>
    </message>
    <message>
        <source>audit entries</source>
        <translation>entrées d&apos;audit</translation>
    </message>
    <message>
        <source>imported audit entries</source>
        <translation>entrées d&apos;audit importées</translation>
    </message>
    <message>
        <source>writes the server recorded</source>
        <translation>écritures consignées par le serveur</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>aucun enregistrement</translation>
    </message>
</context>
<context>
    <name>TissueFeel</name>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>grasp</source>
        <translation>préhension</translation>
    </message>
    <message>
        <source>gritty-fibrotic</source>
        <translation>granuleuse-fibreuse</translation>
    </message>
    <message>
        <source>bone contact</source>
        <translation>contact osseux</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>Pain (0–10)</source>
        <translation>Douleur (0–10)</translation>
    </message>
    <message>
        <source>before treatment</source>
        <translation>avant le traitement</translation>
    </message>
    <message>
        <source>after treatment</source>
        <translation>après le traitement</translation>
    </message>
    <message>
        <source>draft, not signed: hollow, not joined</source>
        <translation>brouillon non signé&#xa0;: creux, non relié</translation>
    </message>
    <message>
        <source>Per session</source>
        <translation>Par séance</translation>
    </message>
    <message>
        <source>sites needled</source>
        <translation>points puncturés</translation>
    </message>
    <message>
        <source>muscles grasping</source>
        <translation>muscles en préhension</translation>
    </message>
    <message>
        <source>%1 (–: needled, not graded)</source>
        <translation>%1 (–&#xa0;: puncturé, non coté)</translation>
    </message>
    <message>
        <source>grasp burden (sum of grades)</source>
        <translation>charge de préhension (somme des cotes)</translation>
    </message>
    <message>
        <source>draft</source>
        <comment>a visit not signed, under its label</comment>
        <translation>brouillon</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>%1 contain an invisible character that reverses or reorders the text (%2); remove it.</source>
        <translation>%1 contiennent un caractère invisible qui inverse ou réordonne le texte (%2); retirez-le.</translation>
    </message>
    <message>
        <source>%1 contains an invisible character that reverses or reorders the text (%2); remove it.</source>
        <translation>%1 contient un caractère invisible qui inverse ou réordonne le texte (%2); retirez-le.</translation>
    </message>
    <message>
        <source>%1 contain a character reserved for programs&apos; own use (%2), which is never part of a text; remove it.</source>
        <translation>%1 contiennent un caractère réservé à l&apos;usage interne des programmes (%2), qui ne fait jamais partie d&apos;un texte; retirez-le.</translation>
    </message>
    <message>
        <source>%1 contains a character reserved for programs&apos; own use (%2), which is never part of a text; remove it.</source>
        <translation>%1 contient un caractère réservé à l&apos;usage interne des programmes (%2), qui ne fait jamais partie d&apos;un texte; retirez-le.</translation>
    </message>
    <message>
        <source>%1 contain an invisible character (%2); remove it.</source>
        <translation>%1 contiennent un caractère invisible (%2); retirez-le.</translation>
    </message>
    <message>
        <source>%1 contains an invisible character (%2); remove it.</source>
        <translation>%1 contient un caractère invisible (%2); retirez-le.</translation>
    </message>
    <message>
        <source>%1 contain a line break (%2); it must be one line.</source>
        <translation>%1 contiennent un saut de ligne (%2); le texte doit tenir sur une ligne.</translation>
    </message>
    <message>
        <source>%1 contains a line break (%2); it must be one line.</source>
        <translation>%1 contient un saut de ligne (%2); le texte doit tenir sur une ligne.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 doit être du texte.</translation>
    </message>
    <message>
        <source>%1 cannot be empty.</source>
        <translation>%1 ne peut pas être vide.</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; the limit is %3.</source>
        <translation>%1&#xa0;: %2 caractères; la limite est de %3.</translation>
    </message>
    <message>
        <source>%1 contains a control character (%2); remove it.</source>
        <translation>%1 contient un caractère de contrôle (%2); retirez-le.</translation>
    </message>
    <message>
        <source>The date of birth %1 is not a date; write it as YYYY-MM-DD.</source>
        <translation>La date de naissance %1 n&apos;est pas une date; écrivez-la AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>The date of birth must be a date (YYYY-MM-DD).</source>
        <translation>La date de naissance doit être une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>The date of birth %1 is in the future.</source>
        <translation>La date de naissance %1 est dans le futur.</translation>
    </message>
    <message>
        <source>The date of birth %1 is before %2.</source>
        <translation>La date de naissance %1 est antérieure à %2.</translation>
    </message>
    <message>
        <source>Sex %1 is not one of F, M, X (other) or U (not recorded).</source>
        <translation>Le sexe %1 n&apos;est pas l&apos;un de F, M, X (autre) ou U (non consigné).</translation>
    </message>
    <message>
        <source>Side %1 is not L, R or M (midline).</source>
        <translation>Le côté %1 n&apos;est pas L (gauche), R (droite) ou M (ligne médiane).</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 doit être un nombre entier de %2 à %3.</translation>
    </message>
    <message>
        <source>%1 %2 is not a number; give a whole number from %3 to %4.</source>
        <translation>%1 %2 n&apos;est pas un nombre; indiquez un nombre entier de %3 à %4.</translation>
    </message>
    <message>
        <source>%1 %2 is out of range; give a whole number from %3 to %4.</source>
        <translation>%1 %2 est hors limites; indiquez un nombre entier de %3 à %4.</translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation>%1 doit être oui ou non.</translation>
    </message>
    <message>
        <source>%1 %2 is not a number of millimetres.</source>
        <translation>%1 %2 n&apos;est pas un nombre de millimètres.</translation>
    </message>
    <message>
        <source>%1 %2 mm is outside %3-%4 mm.</source>
        <translation>%1 %2 mm est en dehors de %3 à %4 mm.</translation>
    </message>
    <message>
        <source>Position %1 %2 is not a number.</source>
        <translation>La position %1 %2 n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <source>Position %1=%2 lies outside the chart.</source>
        <translation>La position %1=%2 est en dehors du schéma.</translation>
    </message>
    <message>
        <source>The start time %1 is not a date and time (YYYY-MM-DD HH:MM).</source>
        <translation>L&apos;heure de début %1 n&apos;est pas une date et une heure (AAAA-MM-JJ HH:MM).</translation>
    </message>
    <message>
        <source>The start time must be a date and time.</source>
        <translation>L&apos;heure de début doit être une date et une heure.</translation>
    </message>
    <message>
        <source>The start time %1 is in the future.</source>
        <translation>L&apos;heure de début %1 est dans le futur.</translation>
    </message>
    <message>
        <source>The start time %1 is before 1990; check the date.</source>
        <translation>L&apos;heure de début %1 est antérieure à 1990; vérifiez la date.</translation>
    </message>
    <message>
        <source>Level %1 is not a vertebral level such as C5, T7 or L4.</source>
        <translation>Le niveau %1 n&apos;est pas un niveau vertébral comme C5, T7 ou L4.</translation>
    </message>
</context>
</TS>
