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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Backed up %1 to %2.</source>
        <translation>%1 sauvegardé dans %2.</translation>
    </message>
    <message>
        <source>Backed up the clinic server to %1 (pg_dump custom format: %2). Restored into a scratch database to check it: the audit chain (entries: %3) is unbroken and ends in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups of %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 (%2 patients, %3 sessions) to %4.</source>
        <translation>%1 restauré (%2 patients, %3 séances) dans %4.</translation>
    </message>
    <message>
        <source>The database it replaced is kept as %1.</source>
        <translation>La base de données remplacée est conservée sous %1.</translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <source>A FHIR document holds one signed session; choose one signed session, or export a collection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>File structure (quick check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ok       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  PROBLEM  %2: %1 problem(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All is well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problem(s) found; nothing was changed. Keep this file as it is, and restore the latest good backup into a new file to compare (imsmap restore --db NEW.sqlite3 BACKUP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup does not pass imsmap&apos;s checks, so nothing was restored: %1%2. Choose an earlier backup; to examine this one, copy the file and open the copy with imsmap check --db COPY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s own check of the audit chain (audit_breaks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File structure (integrity check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References between records (foreign keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscles known to the atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed sessions unchanged since signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendments unchanged since written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos unchanged since stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail unbroken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported audit trails kept unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every record has its audit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1; the records cannot be counted (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1: patients: %2, sessions: %3, sites: %4, amendments: %5, audit entries: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>muscle %2 is not in atlas version %3 (site(s) %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sites: %1, muscles: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 (chart %2, %3, signed by %4 on %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read back (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed but carries no content hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer matches the content hash taken when it was signed: it was changed outside imsmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed session(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amendment %1 (session %2, by %3 on %4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 amendment(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recomputed by the server</source>
        <translation type="unfinished"></translation>
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
database schema %3</source>
        <translation>imsmap %1
atlas %2
schéma de la base de données %3</translation>
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
        <source>list the muscle catalogue (nerves, roots, pneumothorax risk)</source>
        <translation>lister le catalogue des muscles (nerfs, racines, risque de pneumothorax)</translation>
    </message>
    <message>
        <source>List the muscle catalogue, or draw preview images of the chart views.</source>
        <translation>Lister le catalogue des muscles, ou dessiner des images d&apos;aperçu des vues de schéma.</translation>
    </message>
    <message>
        <source>preview: write an image of every chart view to --out DIR</source>
        <translation>aperçu&#xa0;: écrire une image de chaque vue de schéma dans --out DIR</translation>
    </message>
    <message>
        <source>print the catalogue and views as JSON</source>
        <translation>afficher le catalogue et les vues en JSON</translation>
    </message>
    <message>
        <source>folder for the preview images</source>
        <translation>dossier des images d&apos;aperçu</translation>
    </message>
    <message>
        <source>copy the database safely, even while imsmap is open</source>
        <translation>copier la base de données en toute sécurité, même pendant qu&apos;imsmap est ouvert</translation>
    </message>
    <message>
        <source>Copy the database into a backup file with SQLite&apos;s online backup. Without --out: a full, compressed backup in the backup folder, with a journal that the window adds to at each signature; the folder keeps the newest full backups (3 unless set) with their journals. --full-every-days and --keep-fulls set that policy and make no backup. With --dsn: the clinic server&apos;s database with pg_dump -Fc into --out, checked by a restore into a scratch database (audit chain, counts) before it is kept.</source>
        <translation type="unfinished"></translation>
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
        <source>Check a backup (integrity, an imsmap database, a schema this imsmap reads), then put it in place of the database in one step. The database it replaces is kept beside it under a new name.</source>
        <translation>Vérifier une sauvegarde (intégrité, base de données imsmap, schéma lisible par cet imsmap), puis la mettre à la place de la base de données en une seule étape. La base de données remplacée est conservée à côté sous un nouveau nom.</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>le fichier de sauvegarde à restaurer</translation>
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
        <source>the database file (default: $IMSMAP_DB, else imsmap.sqlite3 in your data folder)</source>
        <translation>le fichier de la base de données (par défaut&#xa0;: $IMSMAP_DB, sinon imsmap.sqlite3 dans votre dossier de données)</translation>
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
        <source>%1 %2 is not a date; write it as YYYY-MM-DD, e.g. 2026-11-20.</source>
        <translation>%1 %2 n&apos;est pas une date; écrivez-la AAAA-MM-JJ, p. ex. 2026-11-20.</translation>
    </message>
    <message>
        <source>a clinic server&apos;s database in place of --db: a libpq DSN such as postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full (the password from PGPASSFILE or ~/.pgpass, PGPASSWORD or a service file, else asked for)</source>
        <translation type="unfinished"></translation>
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
        <source>export patients, sessions, sites and the audit trail as JSON (or a CSV of insertions, or a FHIR R4 Bundle)</source>
        <translation>exporter les patients, les séances, les points et le journal d&apos;audit en JSON (ou un CSV des insertions, ou un Bundle FHIR R4)</translation>
    </message>
    <message>
        <source>Export the whole record (or chosen sessions) as one JSON document (docs/export-format.md), a CSV of insertions (--csv), or an HL7 FHIR R4 Bundle (--fhir, docs/fhir.md).</source>
        <translation>Exporter tout le dossier (ou des séances choisies) en un document JSON (docs/export-format.md), un CSV des insertions (--csv) ou un Bundle HL7 FHIR R4 (--fhir, docs/fhir.md).</translation>
    </message>
    <message>
        <source>write to FILE instead of standard output</source>
        <translation>écrire dans FILE plutôt que sur la sortie standard</translation>
    </message>
    <message>
        <source>replace FILE if it exists already</source>
        <translation>remplacer FILE s&apos;il existe déjà</translation>
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
        <source>Import the patients, visits, sites and amendments of an imsmap export (JSON) file. The whole file is checked first and imported in one step, or not at all. Signed visits stay signed with their original signature.</source>
        <translation>Importer les patients, visites, points et addendas d&apos;un fichier d&apos;exportation imsmap (JSON). Tout le fichier est d&apos;abord vérifié, puis importé en une seule étape, ou pas du tout. Les visites signées restent signées avec leur signature d&apos;origine.</translation>
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
        <source>the id of the chart site the photo shows (a site of this session)</source>
        <translation>le numéro du point du schéma que montre la photo (un point de cette séance)</translation>
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
        <source>the server&apos;s database as a libpq DSN, e.g. postgresql://postgres@db.clinic.lan/clinic?sslmode=verify-full (default: the one used last)</source>
        <translation>la base de données du serveur comme DSN libpq, p. ex. postgresql://postgres@db.clinic.lan/clinic?sslmode=verify-full (par défaut&#xa0;: la dernière utilisée)</translation>
    </message>
</context>
<context>
    <name>CliAtlas</name>
    <message>
        <source>imsmap atlas preview needs a folder: add --out DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out is only used with &apos;imsmap atlas preview&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart previews are not available in this version of imsmap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file; give --out a folder for the images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart previews could not all be written to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliBackup</name>
    <message>
        <source>A clinic server is backed up into one file: give --out FILE (the automatic backups&apos; policy is the single-PC file&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliCommon</name>
    <message>
        <source>Give --db (a file on this computer) or --dsn (a clinic server), not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server asks for %1&apos;s password and none was found; nothing was opened. Keep it in a password file (PGPASSFILE, or ~/.pgpass) or run the command in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1 on the clinic server: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliExport</name>
    <message>
        <source>--csv exports every session; leave out --session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported a FHIR bundle to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written to standard output (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty; it is not an imsmap database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliExportFhir</name>
    <message>
        <source>--patient, --from and --to choose what a FHIR export holds; add --fhir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of --csv and --fhir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sessions one way: --patient ID, --from DATE --to DATE, or --session ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date range needs both --from DATE and --to DATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to %1 is before --from %2; give the earlier date first.</source>
        <translation type="unfinished">--to %1 précède --from %2; indiquez d&apos;abord la date la plus ancienne.</translation>
    </message>
    <message>
        <source>%1 (chart %2) has no sessions to export; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions started between %1 and %2; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is not signed: exported as a collection, without a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliPhoto</name>
    <message>
        <source>Photo %1 added to session %2: %3x%4 %5, %6 KB, sha256 %7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliProgress</name>
    <message>
        <source>Upgrading %1 from schema %2 to %3 (Ctrl+C stops it; nothing is lost)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliServer</name>
    <message>
        <source>Give the server&apos;s database with --dsn (for example postgresql://postgres@db.clinic.lan/clinic); none was used before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is set up for imsmap (schema %2), with the group roles imsmap_practitioner, imsmap_reception and imsmap_admin.
Connection settings (no password) kept in %3.
Next: imsmap server add-user --name LOGIN --role practitioner|reception|admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given: run add-user in a terminal, or pipe the password into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can now sign in to the clinic server as a member of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has problems (%2; `imsmap check --db %1` lists them); a clinic is moved only when its records check. Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 onto the server: %2.
Every row compared with the file; signatures matching their audit entries: %3; the audit chain (entries: %4) is unbroken and ends in the file&apos;s link %5. The file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Clinic</name>
    <message>
        <source>The records language %1 is not one of %2.</source>
        <translation>La langue des dossiers %1 n&apos;est pas l&apos;une de celles-ci&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A needle preset needs a diameter and a length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There must be %1 grasp labels (grades 0-3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size %1 is not A4 or Letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder must be a full path, e.g. /home/clinic/imsmap-backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist; create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logo is %1 KB; the limit is %2 KB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logo %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Unknown %1 field(s): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 changed in another window or program%4 after you began editing, so your change was not saved; nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>the clinic server records its login %1 as the author, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the format of an earlier imsmap (database schema %2) and is opened read-only, so it cannot be upgraded to schema %3, which this imsmap reads. Open it once in imsmap (it is upgraded in place, every record kept and checked), or back it up first (imsmap backup) and open the copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>%1 is a folder; the demo needs the name of a new file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; the demo never overwrites a file. Choose another path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be created (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The atlas (version %1) charts too few muscles for the demo&apos;s %2 (%3 found).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress: sites charted; outcome and plan to be completed before signing.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No point inside the chart region %1 was found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fidelity</name>
    <message>
        <source>Session %1 in %2 cannot be read faithfully (%3); the file is damaged. No PDF was written; restore the latest good backup (imsmap restore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 in %2 does not match its audit trail (%3): it was changed outside imsmap. No PDF was written; run imsmap check and restore the latest good backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 in %2 no longer matches the content hash recorded when %3 signed it: it was changed outside imsmap or the file is damaged. No PDF was written; run imsmap check and restore the latest good backup.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder must be a full path, e.g. /home/clinic/imsmap-backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; choose a folder for the backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created: %2 is not a folder. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written to. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created (%2 cannot be written to). Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name: it heads every note and report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the practitioner&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the practitioner&apos;s registration number (from the college or board): it is printed with every signed note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locking after idle minutes needs a PIN to unlock: enter one, or choose no locking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a PIN already; change it with View &gt; Screen lock PIN… (it asks for the current one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clinic was set up meanwhile (on another computer?); nothing was changed. File &gt; Clinic set-up… shows what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created (%2). Choose another folder.</source>
        <translation type="unfinished"></translation>
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
        <translation>%1 est un dossier; indiquez le fichier d&apos;exportation.</translation>
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
        <source>Imported %1 patients, %2 visits, %3 sites, %4 photos and %5 amendments from %6.</source>
        <translation>%1 patients, %2 visites, %3 points, %4 photos et %5 addendas importés de %6.</translation>
    </message>
    <message>
        <source>Imported %1 patients, %2 visits, %3 sites and %5 amendments from %6.</source>
        <translation>%1 patients, %2 visites, %3 points et %5 addendas importés de %6.</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>a number of thousands of digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date and time must be text such as 2026-11-20T09:30:00+01:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a date and time (YYYY-MM-DDTHH:MM:SS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is before 1990; check the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status %1 is not &apos;draft&apos; or &apos;signed&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a content hash (64 hexadecimal digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a session uid (32 hexadecimal digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 must be a whole number from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The muscle must be given by its catalogue id (text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportTrail</name>
    <message>
        <source>audit[%1] is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].id is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].%2 is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].%2 is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].changes is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].at is not a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].at_seconds is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit[%1].hash is not a chain link (32 or 64 hexadecimal digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file holds no audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s audit trail is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s audit trail has more than %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s audit trail is incomplete (entry %1 is missing; an export of chosen sessions leaves entries out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s audit trail is broken at entry %1: it was changed after it was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s audit trail does not record where it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signed visit is imported only with the complete, unbroken audit trail of the database it was exported from, and %1. Export the whole database (imsmap export) and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit is signed before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit is signed in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amendment is dated before the visit was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amendment is dated in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit trail imported by entry %1 was changed after it was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported audit entries belong to no recorded import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>... and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(checking stopped there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was changed. %1 problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was changed. The problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid value here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object ({...}), not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list ([...]), not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file must hold one JSON object, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an imsmap export (format %1, expected %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an export format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was written by a newer imsmap (export format version %1); this imsmap reads version %2. Update imsmap to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart number %1 is used twice in the file (also at %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft visit cannot carry a signature; its status says draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site number %1 is used twice in this visit (also at %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a signed visit has amendments; this one is a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart view must be given by its id (text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit&apos;s content does not match the hash taken when it was signed: it was changed after signing, so it cannot be imported as a signed record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart number %1 already exists in this database; records are never merged. Import into another database, or change the chart number in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit is in the file twice (also at %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit exists in this database already; records are never merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart number %1 already exists in this database; records are never merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit as stored does not match its signature; nothing was imported. This is a bug in imsmap: please report it.</source>
        <translation type="unfinished"></translation>
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
        <source>A grasp label</source>
        <translation>Un libellé de préhension</translation>
    </message>
    <message>
        <source>The backup folder</source>
        <translation>Le dossier de sauvegarde</translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The idle time must be 0 to %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a PIN first: locking after idle time needs a PIN to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputFiles</name>
    <message>
        <source>%1 is the database itself or one of its own files (-wal, -shm, -journal); nothing was written: choose another file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database; imsmap never writes over a database, so nothing was written: choose another file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; add --force to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than the disk or the system allows (the disk may be full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 cannot be written in %2 (%3); nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 cannot be written to %2 (%3); nothing was changed.</source>
        <translation type="unfinished"></translation>
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
        <translation>le dossier où écrire un PDF par séance de la période</translation>
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
        <translation>remplacer FILE (ou les fichiers de DIR) s&apos;il existe déjà</translation>
    </message>
    <message>
        <source>--from, --to and --out-dir export every session of a date range; leave out --session, --patient and --progress.</source>
        <translation>--from, --to et --out-dir exportent toutes les séances d&apos;une période; omettez --session, --patient et --progress.</translation>
    </message>
    <message>
        <source>A date range writes one file per session: give --out-dir DIR, not --out.</source>
        <translation>Une période produit un fichier par séance&#xa0;: indiquez --out-dir DIR, et non --out.</translation>
    </message>
    <message>
        <source>A date range needs all of --from DATE, --to DATE and --out-dir DIR.</source>
        <translation>Une période exige --from DATE, --to DATE et --out-dir DIR.</translation>
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
        <translation>Un rapport d&apos;évolution exige --patient ID et --progress.</translation>
    </message>
    <message>
        <source>Say what to write: --session ID, or --patient ID --progress.</source>
        <translation>Indiquez quoi écrire&#xa0;: --session ID, ou --patient ID --progress.</translation>
    </message>
    <message>
        <source>Give the PDF file to write with --out FILE.</source>
        <translation>Indiquez le fichier PDF à écrire avec --out FILE.</translation>
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
        <translation>Le dossier %1 n&apos;existe pas; créez-le d&apos;abord ou choisissez-en un autre avec --out-dir.</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo type %1 is not one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s data must be base64 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s data is over %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s data is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s data is not a whole %1 picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is %1x%2 px; imsmap stores photos of at most %3 px on the long side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo carries metadata (EXIF, XMP, ICC or text) that imsmap strips from every photo it stores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit holds at most %1 photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo&apos;s data does not match its sha256: it was changed or damaged after export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the id of one of this visit&apos;s sites.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoFiles</name>
    <message>
        <source>%1 is not a file; choose a photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished">Il n&apos;y a aucun fichier %1.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation type="unfinished">%1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 is %2 MB; a photo may be at most %3 MB. Attach a smaller copy (a phone&apos;s or camera&apos;s own export).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a photo imsmap can read (it is not a %2 image).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares a picture larger than imsmap opens (over %2 megapixels); a file like that can exhaust the computer&apos;s memory, so it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is incomplete (its picture data ends early); copy it again from the camera or phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its picture data cannot be decoded.</source>
        <translation type="unfinished"></translation>
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
        <source>site %1: %2 %3</source>
        <translation>point %1&#xa0;: %2 %3</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session holds at most %1 photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo is taken off a session only when you confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart site must be given by its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no site %1 to tie the photo to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo is tied only to a site of its own session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its bytes are missing from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its bytes no longer match the sha256 recorded with it: they were changed outside imsmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the audit trail has no entry recording its sha256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its bytes do not match the sha256 the audit trail recorded when it was added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Planning</name>
    <message>
        <source>This patient has no earlier session to copy from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites can only be copied from the same patient&apos;s sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session of %1 has no sites to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A protocol needs at least one site; this session has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a protocol called %1 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no protocol with id %1.</source>
        <translation type="unfinished"></translation>
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
        <source>Grasp summed over the sessions</source>
        <translation>Préhension cumulée sur les séances</translation>
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
        <source>No sites were recorded in these sessions.</source>
        <translation>Aucun point n&apos;a été consigné lors de ces séances.</translation>
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
        <source>%1, visits %2-%3</source>
        <translation>%1, visites %2 à %3</translation>
    </message>
    <message>
        <source>Visits %1 to %2 (part %3 of %4)</source>
        <translation>Visites %1 à %2 (partie %3 de %4)</translation>
    </message>
    <message>
        <source>Strongest grasp of the muscle (per side; paraspinal sites per level) in the session: %1; – needled, not graded; blank: not needled. First→last: the first and the latest graded value.</source>
        <translation>Préhension la plus forte du muscle (par côté; points paravertébraux par niveau) lors de la séance&#xa0;: %1; – puncturé, non coté; vide&#xa0;: non puncturé. Première→dernière&#xa0;: la première et la plus récente valeur cotée.</translation>
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
        <source>heat: grasp summed over all sessions shown; markers: the latest sessions&apos; sites</source>
        <translation>chaleur&#xa0;: préhension cumulée; marqueurs&#xa0;: points des dernières séances</translation>
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
        <source>Mean grasp</source>
        <translation>Préh. moyenne</translation>
    </message>
    <message>
        <source>Same muscles as before (Jaccard)</source>
        <translation>Mêmes muscles que la fois précédente (Jaccard)</translation>
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
        <source>Pain 0-10. Muscles grasping: distinct muscles (per side; paraspinal sites per level) with a grasp of 1 or more, of those needled. Mean grasp over graded sites, 0-3. Same muscles as before: muscles needled in both this session and the one before, divided by those needled in either (1 = the same set, 0 = none in common).</source>
        <translation>Douleur 0-10. Muscles en préhension&#xa0;: muscles distincts (par côté; points paravertébraux par niveau) avec une préhension de 1 ou plus, parmi ceux puncturés. Préhension moyenne sur les points cotés, 0-3. Mêmes muscles que la fois précédente&#xa0;: muscles puncturés à la fois lors de cette séance et de la précédente, divisés par ceux puncturés lors de l&apos;une ou l&apos;autre (1 = le même ensemble, 0 = aucun en commun).</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
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
        <source>Mean grasp (0-3)</source>
        <translation>Préhension moyenne (0-3)</translation>
    </message>
    <message>
        <source>Sites needled</source>
        <translation>Points puncturés</translation>
    </message>
    <message>
        <source>Pain is compared with the first session in which it was recorded; negative changes are improvements.</source>
        <translation>La douleur est comparée à la première séance où elle a été consignée; un changement négatif est une amélioration.</translation>
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
        <source>Needled in visit %1 only</source>
        <translation>Puncturés à la visite %1 seulement</translation>
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
    <name>Records</name>
    <message>
        <source>Session %1 is signed and locked; a photo cannot be added to it.</source>
        <translation>La séance %1 est signée et verrouillée; on ne peut pas y ajouter de photo.</translation>
    </message>
    <message>
        <source>Unknown patient field(s): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart number %1 belongs to another patient already.</source>
        <translation>Le numéro de dossier %1 appartient déjà à un autre patient.</translation>
    </message>
    <message>
        <source>Unknown session field(s): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration number</source>
        <translation type="unfinished">Le numéro de permis</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not one of: %3.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no level %2: its levels are %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a signed session is amended; edit the draft directly.</source>
        <translation>Seule une séance signée reçoit un addenda; modifiez directement le brouillon.</translation>
    </message>
    <message>
        <source>Session %1 was signed on %2 and is locked; add an amendment instead.</source>
        <translation>La séance %1 a été signée le %2 et est verrouillée; ajoutez plutôt un addenda.</translation>
    </message>
</context>
<context>
    <name>RecordsPlace</name>
    <message>
        <source>Give the clinic server&apos;s address, for example postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a choice imsmap wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choice of where the records are kept, in %1, cannot be read (%2); delete the file to be asked again.</source>
        <translation type="unfinished"></translation>
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
        <translation>Le dossier %1 n&apos;existe pas; choisissez un dossier existant.</translation>
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
    <name>Safety</name>
    <message>
        <source>Informed consent is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the thorax: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near the pleura: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muscles that can reach the pleura were needled (%1) but the pneumothorax risk discussion is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 planned site(s) were not confirmed; they will be recorded as planned, not as insertions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No insertion sites are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 site(s) have no grasp grade: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of needles used is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not recorded that all needles were accounted for and disposed of as sharps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain before treatment is not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practitioner is not recorded.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit entry %1 (%2 %3 %4) was altered or an earlier entry was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest audit entries do not end where the trail recorded its end (entry %1; the last entry is %2): one was altered or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1: the audit trail holds no entry recording its signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1: its signature is not what audit entry %2 recorded when it was signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>The saved server settings in %1 cannot be read (%2); give --dsn, which writes them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDatabase</name>
    <message>
        <source>Signing in to the %1 was cancelled; nothing was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is open read-only; nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your login may not read the imsmap schema on the %1; ask the server&apos;s administrator to add you (imsmap server add-user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not set up for imsmap; its administrator runs `imsmap server init` on it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 holds an older imsmap schema (%2) than this imsmap uses (%3); nothing was changed. Ask its administrator to upgrade the server (docs/clinic-server.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 holds a newer imsmap schema (%2) than this imsmap knows (%3); nothing was changed. Update imsmap on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDsn</name>
    <message>
        <source>The clinic server needs psycopg, which is not installed: install imsmap with its server extra (pip install &apos;imsmap[server]&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address is not a valid PostgreSQL DSN (%1); write it as postgresql://USER@HOST:5432/DATABASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1 on %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDump</name>
    <message>
        <source>%1, PostgreSQL&apos;s own program, is not installed on this computer; install PostgreSQL&apos;s client programs (Debian: postgresql-client) and try again. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (%2); no backup was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; give a new file name. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the %1 and checking the backup in a scratch database needs the server&apos;s administrator&apos;s login (one that may create databases); nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup into a scratch database to check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restored records are not as many as the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup does not restore whole (%1); it was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerFaults</name>
    <message>
        <source>The connection to the clinic server was lost while this change was being saved, so whether it was saved is not known; it has been read again: check it before going on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerHolds</name>
    <message>
        <source>You hold this session in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has this session open in %2 (since %3); it can be read here, and edited once it is free or taken over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A room&apos;s name is 1 to %1 characters (for example Room 2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerListen</name>
    <message>
        <source>The connection to the clinic server was lost; reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerRefusals</name>
    <message>
        <source>The %1 does not offer TLS, but the connection settings require it (sslmode); nothing was done. Set up TLS on the server (docs/clinic-server.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS connection to the %1 was refused (%2); nothing was done. Check sslrootcert and that the server&apos;s certificate names this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 refused the login (the user name, the password or the database&apos;s name is wrong); nothing was done. Check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 asks for a password and none was given; nothing was done. Give it when asked, or keep it in ~/.pgpass (mode 600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 turned this login away before asking for a password (it is starting up or shutting down, or pg_hba.conf does not allow this login from this computer); nothing was done. Try again in a moment, or ask the server&apos;s administrator to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 has no free connections (max_connections); nothing was done. Close imsmap in a room not in use, or ask the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is starting up or shutting down; nothing was done. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be reached (%2); nothing was done. Check that PostgreSQL is running there and that the address and port are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is signed and locked; add an amendment instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed in another room while you had it open; your change was not saved. It has been read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the change (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this to your login (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another room changed the same records at the same moment; nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server&apos;s disk is full, so this change was not saved (nothing of it was written; what was saved before is safe). Ask the server&apos;s administrator to free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server ran out of memory; nothing was changed. Try again, and tell the server&apos;s administrator if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the clinic server was lost; what was not saved was not kept, and what was saved is safe. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server is restarting; nothing was changed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server cannot be reached; nothing was changed. Check the network and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server stopped this because it took too long; nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic server is read-only now (a standby, or recovering); nothing was changed. Ask the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerSchema</name>
    <message>
        <source>This server&apos;s imsmap schema is %1, newer than this imsmap knows (%2); update imsmap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 runs PostgreSQL %2; imsmap needs 15 or newer. Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 stores text as %2; imsmap needs a UTF8 database (createdb -E UTF8 -T template0). Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not empty (it holds %2); `imsmap server init` sets up only an empty database, so nothing was changed. Create a new database for the clinic (createdb) and give that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login %1 may not create roles; run `imsmap server init` as the server&apos;s superuser (postgres) or a role with CREATEROLE. Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 refused to set up the clinic (%2); nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not set up for imsmap; run `imsmap server init` on it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 has imsmap schema %2; this imsmap works with %3. Update imsmap (or the server&apos;s schema).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerTransfer</name>
    <message>
        <source>%1 has database schema %2; this imsmap moves schema %3. Open it once in this imsmap (it is upgraded in place, every record kept), then migrate. Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login used here is not the owner of the clinic&apos;s tables on the %1; run migrate as the server&apos;s superuser. Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1 onto the %2 stopped (%3); the server keeps nothing of it and the file is unchanged. Fix the cause and run migrate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 refused a record of %2 (%3); the server keeps nothing of it and the file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 already holds records (%2 patients, %3 sessions, %4 audit entries, %5 settings); migrate moves a clinic only onto a newly initialised server. Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After copying, %1 row %2 on the server differs from %3&apos;s; the server keeps nothing of it and the file is unchanged. Report this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 rows were copied but %3 compared; the server keeps nothing. Report this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s trail ends at entry %1, the file&apos;s at %2, with different links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After copying %1, the server&apos;s records did not check: %2. The server keeps nothing of it and the file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server holds a different number of %1 rows than the file after copying; it keeps nothing. Report this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerUsers</name>
    <message>
        <source>The login name %1 cannot be used: write 2 to 63 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter (for example anna.nguyen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login name %1 is reserved; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password may not begin or end with a space or hold a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role %1 is not one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 already has a login named %2; nothing was changed. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login used here may not create logins on the %1; run add-user as the server&apos;s superuser or a role with CREATEROLE. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerVersions</name>
    <message>
        <source>practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adverse event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 was changed in another room while you had it open, so your change was not saved and theirs was kept; it has been read again: make your change again if it is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no %1 %2 on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not let your login change this %1; nothing was changed.</source>
        <translation type="unfinished"></translation>
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
        <source>Pain before → after (0-10)</source>
        <translation>Douleur avant → après (0-10)</translation>
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
        <source>Pain (0-10)</source>
        <translation>Douleur (0-10)</translation>
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
        <source>Amendments</source>
        <translation>Addendas</translation>
    </message>
    <message>
        <source>the session content no longer matches the hash recorded at signing</source>
        <translation>le contenu de la séance ne correspond plus à l&apos;empreinte consignée à la signature</translation>
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
        <translation>léger</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modéré</translation>
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
        <source>Grasp graded %1; — not graded. Roots: * marks the dominant root; paraspinal sites are listed by their own level.</source>
        <translation>Préhension cotée %1; — non cotée. Racines&#xa0;: * marque la racine dominante; les points paravertébraux sont inscrits à leur propre niveau.</translation>
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
</context>
<context>
    <name>StoreAudit</name>
    <message>
        <source>its hash is a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its id is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit entries %1-%2 are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of audit entries %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was altered or an earlier entry was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest audit entries (%1) do not end where the trail recorded its end (entry %2): one was altered or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record of where the audit trail ends is missing, so entries %1-%2 cannot be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its changes are a JSON %1, not an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreBackup</name>
    <message>
        <source>The backup folder %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be created (%2); choose another in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file. Choose a new file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup cannot be written in %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged, so no backup was made: SQLite&apos;s check of the copy failed (imsmap check lists the problems). Keep the file as it is and restore the latest good backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not an imsmap one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no imsmap records (its schema was never created).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer imsmap (database schema %2); this imsmap %3 reads schema %4 and older. Update imsmap to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an imsmap backup (it is not an SQLite file, or its first page is damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or not an imsmap backup (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file; give a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the database itself; choose a backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists and nothing was changed. To replace it with the backup, add --force; the current file will be kept beside it under a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup cannot be written in %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is open in another imsmap window or program; close it and try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be set aside (%2); nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be copied aside (%2); nothing was replaced, and %3 holds what could be copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreBackupSets</name>
    <message>
        <source>a full, compressed backup every %1 day(s) and a journal of what was written since (appended at each signature, start and close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest %1 full backup(s) with their journals are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup policy takes whole numbers of days and of backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full backup is made every 1 to 90 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep 1 to 20 full backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 has lost its first record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup of %1 could not be made (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreDamage</name>
    <message>
        <source>%1 of the %2 table cannot be read back (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreDb</name>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot use SQLite&apos;s WAL journal (got %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not an imsmap one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer imsmap (database schema %2); this imsmap %3 reads schema %4 and older. Update imsmap to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is open read-only; nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file; give a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first or choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on a network share (%2). SQLite&apos;s locking does not work reliably over a network file system and records could be corrupted; keep the database on this computer&apos;s own disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be created (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be read faithfully. Keep it as it is and restore the latest good backup (imsmap restore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is busy in another imsmap window or program; nothing was changed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full; nothing was changed. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an imsmap database (it is not an SQLite file, or its first page is damaged). If it is your clinic&apos;s database, restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stored text is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer ran out of memory working on %1; nothing was changed. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read or written (%2); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreIntegrity</name>
    <message>
        <source>%1 row %2 refers to %3 row %4, which does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more rows like these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stored text is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too damaged to check (%2). Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 row %2%3 has no audit entry recording how it came in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows %2%3 have no audit entry recording how they came in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreJournal</name>
    <message>
        <source>The backup journal %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 is damaged at record %2 of %3; nothing was restored. To restore the full backup alone, move the journal out of the folder first (what it holds after the full backup is then not restored).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 has lost its first record; nothing was restored. Move it out of the folder to restore the full backup alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 holds no whole record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 cannot be written (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 could not be written (%2); the records themselves are safe in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal does not fit its full backup (%1 %2 differs); nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal does not fit its full backup (%1: %2); nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table %1 has no key; the journal cannot be applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreMigrationV4</name>
    <message>
        <source>%1 sites, but %2 after conversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was not converted to schema 4 and is unchanged: sites </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> would not have been kept exactly (a position finer than 0.01 or a time that is not ISO 8601). Keep using the previous imsmap version with it and report this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was not converted to schema 4 and is unchanged: the audit trail did not copy exactly (%1 entries, %2 copied; differing: %3). Keep using the previous imsmap version with it and report this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorePacked</name>
    <message>
        <source>its compressed data is cut short or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup journal %1 belongs to another full backup; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorePhotos</name>
    <message>
        <source>There is no photo %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bytes of photo %1 are not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreRepository</name>
    <message>
        <source>(family_name %1 ? ESCAPE &apos;\&apos; OR given_name %1 ? ESCAPE &apos;\&apos; OR chart_number %1 ? ESCAPE &apos;\&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such entry (id %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSchemaCheck</name>
    <message>
        <source>its schema has no table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its schema&apos;s table %1 has no column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its schema cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSiteRows</name>
    <message>
        <source>The %1 coordinate %2 has more than two decimals; chart positions are kept to 0.01.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreUpgrade</name>
    <message>
        <source>The upgrade of %1 was stopped and nothing of it was kept: the file is still at schema %2 and is upgraded the next time it is opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adverse events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amendments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported audit entries</source>
        <translation type="unfinished"></translation>
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
        <source>Pain (0-10)</source>
        <translation>Douleur (0-10)</translation>
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
        <source>mean grasp (0-3, right scale)</source>
        <translation>préhension moyenne (0-3, échelle de droite)</translation>
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
